-- What the program report's figures read, through indexes rather than through every episode or session of the
-- programs (issue 9: a cold report of one program over a year read 3.8 s of SQL at agency scale).

-- A held session whose note is signed. A note never returns to draft and a signed note is never deleted
-- (session_note_final), so once true the mark stays true; the database sets it as notes are signed, whoever
-- writes them. "Held without a signed note" (overdue notes: the supervisor's caseloads, the report's caseloads
-- figure) is then a look-up in the small partial index below, not an anti-join over every held session.
alter table appointment add column note_signed boolean not null default false;
update appointment a set note_signed = true
where exists (select 1 from session_note n where n.appointment_id = a.id and n.status <> 'DRAFT');

create function session_note_marks_appointment() returns trigger language plpgsql as $$
begin
    update appointment set note_signed = true where id = new.appointment_id and not note_signed;
    return null;
end $$;
create trigger session_note_marks_appointment after insert or update of status on session_note
    for each row when (new.status <> 'DRAFT') execute function session_note_marks_appointment();

create index appointment_note_due_idx on appointment (counselor_id, ends_at)
    where status = 'COMPLETED' and not note_signed;

-- Episodes opened in a range (the outcome figures' cohorts), by the instant they opened.
create index engagement_episode_opened_idx on engagement_episode (opened_at);

-- Valid episode events of a kind in a range of days (critical events, naloxone kits, refusals), and the
-- entries into treatment in a range, without reading each episode's events one episode at a time.
create index episode_event_kind_day_idx on episode_event (kind, occurred_on) where voided_at is null;
create index episode_event_entry_day_idx on episode_event (occurred_on)
    where kind = 'STATUS_CHANGE' and to_status = 'ENTERED_TREATMENT' and voided_at is null;
