-- Reminders' answers (issue 26): "I'll be there" and "I can't come", given by a member through a link in a reminder
-- of a family session or of a group meeting. Kept apart from the appointment's and the group session's rows, so that
-- a confirmation never changes the version the front desk edits (a desk with the session open would otherwise be
-- refused its next save because a family tapped a link). Each answer names the start it was given for: once the
-- session or meeting is moved, an answer for the old time no longer shows.

-- A member's answer about a family session: CONFIRMED, or CANT_COME (the session itself is then cancelled by the
-- family, at the time of the answer, as the front desk would; this row says it was the family's own answer by link).
create table appointment_answer (
    appointment_id  bigint       not null references appointment (id),
    member_id       bigint       not null references family_member (id),
    starts_at       timestamptz  not null,                   -- the session's start when answered
    answer          varchar(16)  not null,                   -- CONFIRMED, CANT_COME
    answered_at     timestamptz  not null,
    primary key (appointment_id, member_id, starts_at)
);

-- A member's answer about one meeting of a group (the group's id and the meeting's start, as reminders name it):
-- CONFIRMED, or CANT_COME (shown on the roster as cancelled by the family; attendance is still taken on the day).
create table meeting_answer (
    group_id        bigint       not null references support_group (id),
    member_id       bigint       not null references family_member (id),
    starts_at       timestamptz  not null,
    answer          varchar(16)  not null,                   -- CONFIRMED, CANT_COME
    answered_at     timestamptz  not null,
    primary key (group_id, member_id, starts_at)
);
