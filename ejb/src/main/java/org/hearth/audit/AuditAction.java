package org.hearth.audit;

/** What a staff member did, as the audit trail names it. */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    VIEW_OWN_PROFILE,
    VIEW_PAGE,
    SERVICE_CALL,
    REGISTER_FAMILY,
    SEARCH_FAMILIES,
    ASSIGN_COUNSELOR,
    READ_FAMILY,
    UPDATE_FAMILY,
    CLOSE_FAMILY,
    REOPEN_FAMILY,
    READ_INTAKE,
    SAVE_INTAKE,
    COMPLETE_INTAKE
}
