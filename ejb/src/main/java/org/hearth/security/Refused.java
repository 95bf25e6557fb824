package org.hearth.security;

/**
 * The caller may not do this to this record, or may not use Hearth at all (a deactivated account). The
 * service layer has already written the refusal to the audit trail. The message names the rule, never
 * clinical content.
 */
public final class Refused extends Refusal {

    private static final long serialVersionUID = 1L;

    /** What the user of a deactivated account is told, in pages and in the API. */
    public static final String DEACTIVATED_MESSAGE = "This account is deactivated in Hearth; ask an administrator.";

    private final Long familyId;
    private final boolean deactivatedAccount;

    public Refused(String message) {
        this(message, null, false);
    }

    /** A refusal concerning one family's records: the audit entry names the family asked for. */
    public Refused(String message, Long familyId) {
        this(message, familyId, false);
    }

    private Refused(String message, Long familyId, boolean deactivatedAccount) {
        super(message);
        this.familyId = familyId;
        this.deactivatedAccount = deactivatedAccount;
    }

    /**
     * The signed-in user's staff record is deactivated: Hearth refuses them even while the identity provider
     * still accepts their password. Already in the audit trail when thrown.
     */
    public static Refused deactivatedAccount() {
        Refused refused = new Refused(DEACTIVATED_MESSAGE, null, true);
        refused.markAudited(); // the sign-in refusal is its own audit entry
        return refused;
    }

    /** The family whose records were asked for, or null when the refusal is not about one family. */
    public Long getFamilyId() {
        return familyId;
    }

    /** True when the whole account is refused, not one record: the user is told so. */
    public boolean isDeactivatedAccount() {
        return deactivatedAccount;
    }
}
