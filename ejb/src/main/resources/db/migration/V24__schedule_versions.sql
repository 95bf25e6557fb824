-- No lost update on the schedule side (issue 23): every record of the clinic's calendar a person changes
-- carries a version that the change checks.
--
-- The clinic's opening hours are edited as one week on one form, so the week is versioned as a whole: one row
-- (the clinic's week) whose version every save of the hours checks and bumps, and whose row lock queues two
-- administrators saving at once. The clinic_hours rows themselves are replaced as a whole by each save.
create table clinic_week (
    id       smallint not null primary key check (id = 1),
    version  bigint   not null default 0
);
insert into clinic_week (id, version) values (1, 0);

-- A closure is removed from the version read.
alter table clinic_closure add column version bigint not null default 0;

-- A calendar feed is revoked once; its version counts that change.
alter table calendar_feed add column version bigint not null default 0;
