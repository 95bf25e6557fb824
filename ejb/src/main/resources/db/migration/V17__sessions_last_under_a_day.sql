-- A family session or a group meeting lies within one day's opening hours: at most a day long. The clash
-- checks rely on it to look only at what starts in the day before a new time, through the index on starts_at,
-- not at every session that ever started earlier.
alter table appointment add constraint appointment_under_a_day check (ends_at <= starts_at + interval '1 day');
alter table group_session add constraint group_session_under_a_day check (ends_at <= starts_at + interval '1 day');
