-- A session's note may be given by a supervisor of the program to another counselor while it is unsigned (the
-- counselor who held the session left, or the family left their caseload and they cannot finish it). The
-- session keeps its counselor (appointment.counselor_id: who held it); the note's author becomes the counselor
-- who now writes it, and the note keeps who gave it to them, when and why. The audit trail has the same.
alter table session_note add column reassigned_by bigint references staff_member (id);
alter table session_note add column reassigned_at timestamptz;
alter table session_note add column reassign_reason varchar(500);
alter table session_note add constraint session_note_reassignment_whole
    check ((reassigned_by is null) = (reassigned_at is null) and (reassigned_at is null) = (reassign_reason is null));

-- A MITI review is corrected by its reviewer at the version they read, like every record a person changes.
alter table miti_review add column version bigint not null default 0;
