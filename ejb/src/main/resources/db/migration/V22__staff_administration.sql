-- Who serves where, managed in Hearth by administrators (issue 21): a staff member can be deactivated (Hearth
-- then refuses their sign-in and every request, whatever Keycloak says) and reactivated, and a program can be
-- closed (it takes no new families, support groups or staff; what it has stays readable). Both keep who did it
-- and when; the audit trail keeps every change. No new table: the application role keeps the select, insert,
-- update and delete it was granted on these tables (V13) and owns nothing.
alter table staff_member
    add column deactivated_at timestamptz,
    add column deactivated_by varchar(255),
    add constraint staff_member_deactivation_whole check ((deactivated_at is null) = (deactivated_by is null));

alter table program
    add column closed_at timestamptz,
    add column closed_by varchar(255),
    add constraint program_closure_whole check ((closed_at is null) = (closed_by is null));

-- The administrators' staff list is sorted by name in the database, a page at a time. The check made on every
-- request (is the caller deactivated?) reads staff_member by its unique subject or username: no index needed.
create index staff_member_display_name_idx on staff_member (lower(display_name), id);
