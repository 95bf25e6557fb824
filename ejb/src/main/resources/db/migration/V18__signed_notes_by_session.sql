-- Which held sessions still wait for a signed note (the caseload's "notes due", the report's overdue notes):
-- an index-only look-up per session, on the notes past draft only.
create index if not exists session_note_signed_appointment_idx on session_note (appointment_id) where status <> 'DRAFT';
