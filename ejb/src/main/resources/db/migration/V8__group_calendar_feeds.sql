-- A support group's calendar feed: the same secret, revocable addresses as a counselor's, owned by the
-- group instead of a staff member. created_by says who made the address (staff feeds: their owner).
alter table calendar_feed alter column staff_member_id drop not null;
alter table calendar_feed add column support_group_id bigint references support_group (id);
alter table calendar_feed add column created_by varchar(255);
update calendar_feed f set created_by = (select s.username from staff_member s where s.id = f.staff_member_id);
alter table calendar_feed alter column created_by set not null;
alter table calendar_feed add constraint calendar_feed_one_owner
    check ((staff_member_id is null) <> (support_group_id is null));
-- one live feed per group
create unique index calendar_feed_one_live_group on calendar_feed (support_group_id) where revoked_at is null;
