-- When a family session was cancelled, so reports can tell a late cancellation (by the family, under 24 hours
-- before the start: DESIGN.md section 7) from one made in time. Sessions cancelled before this column existed
-- keep it empty: the reports count them as neither late nor in time.
alter table appointment add column cancelled_at timestamptz;
