-- Synthetic data for Hearth at a chosen scale (GenerateData fills in the placeholders). One session, in order,
-- without parallel workers, after setseed: the same seed on the same starting database and day gives the same rows.
-- Every coded value is a constant of its Java enum (GeneratedValuesTest checks them against the enums).
set max_parallel_workers_per_gather = 0;
set synchronous_commit = off;
set timezone = 'UTC';
select setseed(${seed});

create function pg_temp.pick(options text[]) returns text language sql volatile as $$
    select options[1 + floor(random() * array_length(options, 1))::int]
$$;
create function pg_temp.first_name() returns text language sql volatile as $$
    select pg_temp.pick(array['Maria', 'James', 'Ana', 'John', 'Rosa', 'Michael', 'Linda', 'David', 'Carmen', 'Robert',
        'Patricia', 'Luis', 'Jennifer', 'Jose', 'Elizabeth', 'William', 'Sofia', 'Daniel', 'Lucia', 'Thomas', 'Aisha',
        'Kevin', 'Mei', 'Brian', 'Fatima', 'Gary', 'Nia', 'Diego', 'Grace', 'Samuel', 'Olga', 'Pedro', 'Helen', 'Tyrone',
        'Yesenia', 'Mark', 'Ruth', 'Andre', 'Keisha', 'Paul'])
$$;
create function pg_temp.last_name() returns text language sql volatile as $$
    select pg_temp.pick(array['Garcia', 'Smith', 'Johnson', 'Rodriguez', 'Williams', 'Martinez', 'Brown', 'Hernandez',
        'Jones', 'Lopez', 'Miller', 'Gonzalez', 'Davis', 'Perez', 'Wilson', 'Sanchez', 'Anderson', 'Ramirez', 'Thomas',
        'Torres', 'Jackson', 'Flores', 'White', 'Rivera', 'Harris', 'Gomez', 'Martin', 'Diaz', 'Thompson', 'Reyes',
        'Moore', 'Cruz', 'Clark', 'Morales', 'Lewis', 'Ortiz', 'Walker', 'Gutierrez', 'Young', 'Chavez', 'Nguyen', 'Kim',
        'Okafor', 'Kowalski', 'Murphy', 'O''Brien', 'Castillo', 'Baker', 'Price', 'Washington'])
$$;
create function pg_temp.between(low int, high int) returns int language sql volatile as $$
    select low + floor(random() * (high - low + 1))::int
$$;
-- a weekday time in the clinic's zone, on the quarter hour between 9:00 and 17:45
create function pg_temp.clinic_time(day date, slot int) returns timestamptz language sql immutable as $$
    select ((day + time '09:00' + (slot * interval '15 minutes')) at time zone '${zone}')
$$;
create function pg_temp.weekday(day date) returns date language sql immutable as $$
    select case extract(isodow from day) when 6 then day + 2 when 7 then day + 1 else day end
$$;

-- Programs, staff and rooms
insert into program (name)
select pg_temp_names.name from (
    select i, (array['North', 'South', 'East', 'West', 'Central', 'Harbor', 'Valley', 'Lakeside', 'Riverside',
        'Hillside'])[1 + (i - 1) % 10] || ' Family Program' || case when i > 10 then ' ' || i else '' end as name
    from generate_series(1, ${programs}) i) pg_temp_names
order by i;
create temp table gp as
select id, row_number() over (order by id) as k from (select id from program order by id desc limit ${programs}) p;

insert into staff_member (username, display_name, email, roles)
select username, display_name, username || '@bench.hearth.example', roles
from (
    select 1 as ord, i, 'frontdesk' || lpad(i::text, 3, '0') as username, 'front-desk' as roles,
        pg_temp.first_name() || ' ' || pg_temp.last_name() as display_name from generate_series(1, ${frontDesk}) i
    union all
    select 2, i, 'counselor' || lpad(i::text, 3, '0'), 'counselor',
        pg_temp.first_name() || ' ' || pg_temp.last_name() from generate_series(1, ${counselors}) i
    union all
    select 3, i, 'supervisor' || lpad(i::text, 3, '0'), 'supervisor',
        pg_temp.first_name() || ' ' || pg_temp.last_name() from generate_series(1, ${supervisors}) i
    union all
    select 4, i, 'admin' || lpad(i::text, 3, '0'), 'admin',
        pg_temp.first_name() || ' ' || pg_temp.last_name() from generate_series(1, ${admins}) i) s
order by ord, i;

insert into staff_program (staff_member_id, program_id)
select s.id, gp.id from staff_member s
join gp on gp.k = 1 + (substring(s.username from '[0-9]+$')::int - 1) % ${programs}
where s.username ~ '^(frontdesk|counselor|supervisor)[0-9]{3}$' and s.email like '%@bench.hearth.example';

-- the demo set: the demo staff (R__demo_programs_and_staff.sql) work in the first generated program too
insert into staff_program (staff_member_id, program_id)
select s.id, gp.id from staff_member s join gp on gp.k = case when s.username = 'sofia' then 2 else 1 end
where s.username in (${demoStaff}) on conflict do nothing;

create temp table gc as
select s.id, s.username, sp.program_id,
    row_number() over (partition by sp.program_id order by s.id) - 1 as idx,
    count(*) over (partition by sp.program_id) as cnt
from staff_member s join staff_program sp on sp.staff_member_id = s.id join gp on gp.id = sp.program_id
where (s.username ~ '^counselor[0-9]{3}$' and s.email like '%@bench.hearth.example')
    or (s.username in (${demoStaff}) and s.roles like '%counselor%');
create temp table gs as
select s.id, s.username, sp.program_id,
    row_number() over (partition by sp.program_id order by s.id) - 1 as idx,
    count(*) over (partition by sp.program_id) as cnt
from staff_member s join staff_program sp on sp.staff_member_id = s.id join gp on gp.id = sp.program_id
where (s.username ~ '^supervisor[0-9]{3}$' and s.email like '%@bench.hearth.example')
    or (s.username in (${demoStaff}) and s.roles like '%supervisor%');
create temp table gd as
select s.username, sp.program_id, row_number() over (partition by sp.program_id order by s.id) - 1 as idx,
    count(*) over (partition by sp.program_id) as cnt
from staff_member s join staff_program sp on sp.staff_member_id = s.id join gp on gp.id = sp.program_id
where (s.username ~ '^frontdesk[0-9]{3}$' and s.email like '%@bench.hearth.example')
    or (s.username in (${demoStaff}) and s.roles like '%front-desk%');
analyze gc;
analyze gs;
analyze gd;

insert into room (name, capacity)
select (select name from program where id = gp.id) || ', room ' || r, case when r = 3 then 16 else 6 end
from gp, generate_series(1, 3) r order by gp.k, r;
create temp table gr as
select r.id, gp.id as program_id, row_number() over (partition by gp.id order by r.id) as r
from room r join program p on r.name like p.name || ', room %' join gp on gp.id = p.id;

-- Families: opened over the history asked for (five years; the demo set's a year and a half, so the demo
-- counselors' caseloads are mostly active); those of the last year mostly active, older ones mostly closed
create temp table gf as
select i, gp.id as program_id, ${today}::date - floor(power(random(), 0.8) * ${historyDays})::int as opened_on,
    random() as r_status, random() as r_lang, random() as r_episode, pg_temp.last_name() as name
from generate_series(1, ${families}) i join gp on gp.k = 1 + (i - 1) % ${programs};
alter table gf add column status text, add column closed_on date, add column intake_year int,
    add column case_sequence int, add column counselor_id bigint, add column registered_by text;
update gf set status = case
        when opened_on > ${today}::date - 365 then
            case when r_status < 0.06 then 'INTAKE' when r_status < 0.1 then 'ON_HOLD' else 'ACTIVE' end
        when r_status < 0.18 then 'ACTIVE' else 'CLOSED' end,
    intake_year = extract(year from opened_on)::int;
update gf set closed_on = least(${today}::date - 1, opened_on + 120 + floor(r_status * 400)::int)
where status = 'CLOSED';
update gf set case_sequence = s.seq from (
    select i, row_number() over (partition by intake_year order by opened_on, i) as seq from gf) s
where s.i = gf.i;
update gf set counselor_id = gc.id from gc
where gc.program_id = gf.program_id and gc.idx = (gf.i / ${programs}) % gc.cnt;
update gf set registered_by = gd.username from gd
where gd.program_id = gf.program_id and gd.idx = gf.i % gd.cnt;

insert into family (case_number, intake_year, case_sequence, program_id, family_name, status, closure_reason,
    preferred_language, referral_source, opened_on, closed_on, primary_counselor_id, registered_by, registered_at,
    last_contact_on, closed_by)
select 'F-' || intake_year || '-' || lpad(case_sequence::text, 5, '0'), intake_year, case_sequence, program_id, name,
    status, case when status = 'CLOSED' then 'Goals met or family stopped attending' end,
    case when r_lang < 0.82 then 'en' else 'es' end,
    pg_temp.pick(array['SELF', 'FAMILY_OR_FRIEND', 'HEALTHCARE_PROVIDER', 'HOSPITAL_OR_EMERGENCY', 'COURT_OR_LEGAL',
        'SCHOOL_OR_EMPLOYER', 'COMMUNITY_ORGANIZATION', 'HOTLINE_OR_WEBSITE']),
    opened_on, closed_on, counselor_id, registered_by, opened_on + time '10:00',
    case when status = 'CLOSED' then closed_on
         else greatest(opened_on, ${today}::date - floor(power(random(), 2) * 50)::int) end,
    case when status = 'CLOSED' then registered_by end
from gf order by i;
insert into case_number_sequence (intake_year, last_value)
select intake_year, max(case_sequence) from gf group by intake_year
on conflict (intake_year) do update set last_value = greatest(case_number_sequence.last_value, excluded.last_value);
alter table gf add column family_id bigint;
update gf set family_id = f.id from family f
where f.case_number = 'F-' || gf.intake_year || '-' || lpad(gf.case_sequence::text, 5, '0');
create index on gf (family_id);
analyze gf;

insert into family_assignment (family_id, counselor_id, kind, starts_on, reason, assigned_by, assigned_at)
select gf.family_id, gf.counselor_id, 'PRIMARY', gf.opened_on, null, gs.username, gf.opened_on + time '11:00'
from gf join gs on gs.program_id = gf.program_id and gs.idx = gf.i % gs.cnt order by gf.i;

-- Members: two to five a family, the first the one who calls
insert into family_member (family_id, position, full_name, age_years, relationship, phone, phone_digits, email,
    preferred_language, safe_to_leave_message, safe_to_mail, participates)
select gf.family_id, m - 1, pg_temp.first_name() || ' ' || gf.name, pg_temp.between(19, 78),
    case when m = 1 then pg_temp.pick(array['PARENT', 'PARENT', 'PARTNER_OR_SPOUSE'])
         else pg_temp.pick(array['PARENT', 'PARTNER_OR_SPOUSE', 'CHILD', 'SIBLING', 'GRANDPARENT']) end,
    case when m = 1 then '(555) ' || lpad((gf.i % 1000)::text, 3, '0') || '-' || lpad(((gf.i * 7) % 10000)::text, 4, '0') end,
    case when m = 1 then '555' || lpad((gf.i % 1000)::text, 3, '0') || lpad(((gf.i * 7) % 10000)::text, 4, '0') end,
    case when m = 1 then 'family' || gf.i || '@mail.example' end,
    null, random() < 0.7, random() < 0.6, true
from gf cross join lateral generate_series(1, 2 + floor(random() * 4)::int + 0 * gf.i) m
order by gf.i, m;

-- Intake, loved ones (one, sometimes two), substances and routes
insert into intake (family_id, presenting_concern, family_goals, domestic_violence, children_in_home, suicide_risk,
    lost_tolerance, using_alone, fentanyl, mixing_with_depressants, naloxone_in_home, safety_flag, offer_naloxone,
    treatment_consent_signed, started_by, started_at, updated_by, updated_at, completed_by, completed_at)
select gf.family_id, 'Worried about a loved one using opioids who refuses treatment.',
    'Reduce conflict at home; help the loved one accept treatment.', random() < 0.08, random() < 0.3, random() < 0.05,
    random() < 0.1, random() < 0.2, random() < 0.55, random() < 0.2, random() < 0.5, random() < 0.1, random() < 0.5,
    random() < 0.4, c.username, gf.opened_on + time '12:00', c.username, gf.opened_on + time '13:00',
    case when gf.status <> 'INTAKE' then c.username end,
    case when gf.status <> 'INTAKE' then gf.opened_on + time '13:00' end
from gf join gc c on c.id = gf.counselor_id order by gf.i;

insert into loved_one (family_id, position, alias, age_years, relationship, years_of_use, prior_treatment_episodes,
    known_overdoses, medication, in_treatment, stage_of_change)
select gf.family_id, l - 1, pg_temp.first_name() || ' ' || left(gf.name, 1) || '.', pg_temp.between(17, 58),
    pg_temp.pick(array['SON_OR_DAUGHTER', 'SON_OR_DAUGHTER', 'PARTNER_OR_SPOUSE', 'SIBLING', 'PARENT', 'GRANDCHILD']),
    pg_temp.between(1, 20), pg_temp.between(0, 4), pg_temp.between(0, 3),
    pg_temp.pick(array['NONE', 'NONE', 'METHADONE', 'BUPRENORPHINE']), false,
    pg_temp.pick(array['PRECONTEMPLATION', 'PRECONTEMPLATION', 'CONTEMPLATION', 'PREPARATION'])
from gf cross join lateral generate_series(1, case when random() < 0.1 then 2 else 1 end + 0 * gf.i) l
order by gf.i, l;
insert into loved_one_substance (loved_one_id, substance)
select distinct l.id, s from loved_one l join gf on gf.family_id = l.family_id
cross join lateral (select pg_temp.pick(array['HEROIN', 'FENTANYL', 'FENTANYL', 'PRESCRIPTION_OPIOIDS',
    'METHAMPHETAMINE', 'COCAINE', 'ALCOHOL', 'BENZODIAZEPINES', 'CANNABIS']) as s
    from generate_series(1, 1 + floor(random() * 2)::int + 0 * l.id::int)) pick;
insert into loved_one_route (loved_one_id, route)
select l.id, pg_temp.pick(array['INJECTION', 'SMOKING', 'SNORTING']) from loved_one l join gf on gf.family_id = l.family_id
order by l.id;

-- Engagement episodes: one per first loved one of most families, on a CRAFT-like path
create temp table ge as
-- (opened within ten days of the family's intake, and never after today: an episode opens when it is recorded)
select gf.i, gf.family_id, l.id as loved_one_id, gf.counselor_id,
    least(gf.opened_on + pg_temp.between(0, 10), ${today}::date) as opened,
    coalesce(gf.closed_on, ${today}::date) as observed_until, random() as u, random() as r_retain,
    pg_temp.between(10, 50) as d_amb, pg_temp.between(10, 40) as d_prep, pg_temp.between(5, 30) as d_enter,
    pg_temp.between(60, 420) as d_close,
    pg_temp.pick(array['DISENGAGED', 'DISENGAGED', 'MOVED_AWAY', 'CLOSED_OTHER', 'CLOSED_OTHER', 'DISENGAGED',
        'MOVED_AWAY', 'DISENGAGED', 'CLOSED_OTHER', 'DECEASED']) as close_status,
    pg_temp.pick(array['WITHDRAWAL_MANAGEMENT', 'RESIDENTIAL', 'PARTIAL_HOSPITALIZATION', 'INTENSIVE_OUTPATIENT',
        'OUTPATIENT', 'OPIOID_TREATMENT_PROGRAM', 'OFFICE_BASED_BUPRENORPHINE', 'NALTREXONE',
        'PEER_RECOVERY_SUPPORT']) as level
from gf join loved_one l on l.family_id = gf.family_id and l.position = 0
where gf.r_episode < ${episodeShare} and gf.status <> 'INTAKE';
analyze ge;
insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at)
select ge.family_id, ge.loved_one_id, 'REFUSING', c.username, ge.opened + time '14:00'
from ge join gc c on c.id = ge.counselor_id order by ge.i;
alter table ge add column episode_id bigint;
update ge set episode_id = e.id from engagement_episode e where e.loved_one_id = ge.loved_one_id;
analyze ge;

-- the status path each episode would follow; only what happened by the last day observed is recorded
create temp table gpath (episode_id bigint, seq int, on_day date, to_status text, level text);
insert into gpath
select episode_id, seq, on_day, to_status, level from (
    select ge.episode_id, 1 as seq, ge.opened + ge.d_amb as on_day, 'AMBIVALENT' as to_status, null as level,
        ge.observed_until from ge where ge.u < 0.9
    union all
    select ge.episode_id, 2, ge.opened + ge.d_amb + ge.d_prep, 'PREPARING', null, ge.observed_until
    from ge where ge.u < ${entryRate}
    union all
    select ge.episode_id, 3, ge.opened + ge.d_amb + ge.d_prep + ge.d_enter, 'ENTERED_TREATMENT', ge.level,
        ge.observed_until from ge where ge.u < ${entryRate}
    union all
    select ge.episode_id, 4, ge.opened + ge.d_amb + ge.d_prep + ge.d_enter + 30, 'RETAINED_30', null,
        ge.observed_until from ge where ge.u < ${entryRate} and ge.r_retain < 0.8
    union all
    select ge.episode_id, 5, ge.opened + ge.d_amb + ge.d_prep + ge.d_enter + 90, 'RETAINED_90', null,
        ge.observed_until from ge where ge.u < ${entryRate} and ge.r_retain < 0.62
    union all
    select ge.episode_id, 6, ge.opened + ge.d_amb + ge.d_prep + ge.d_enter + 15, 'DISENGAGED', null,
        ge.observed_until from ge where ge.u < ${entryRate} and ge.r_retain >= 0.8
    union all
    select ge.episode_id, 6, ge.opened + ge.d_amb + ge.d_close, ge.close_status, null, ge.observed_until
    from ge where ge.u >= ${entryRate} and ge.u < 0.85) p
where on_day <= observed_until;
create index on gpath (episode_id, seq);
analyze ge;
analyze gpath;

insert into episode_event (episode_id, kind, occurred_on, from_status, to_status, level_of_care, provider,
    recorded_by, recorded_at)
select p.episode_id, 'STATUS_CHANGE', p.on_day,
    coalesce(lag(p.to_status) over (partition by p.episode_id order by p.seq), 'REFUSING'), p.to_status, p.level,
    case when p.level is not null then pg_temp.pick(array['Harbor Recovery Center', 'St. Luke''s Addiction Services',
        'New Dawn Clinic', 'County Treatment Services']) end,
    c.username, p.on_day + time '16:00'
from gpath p join ge on ge.episode_id = p.episode_id join gc c on c.id = ge.counselor_id
order by p.episode_id, p.seq;

-- treatment offered and refused before anything changed, then accepted on the day of entry
insert into episode_event (episode_id, kind, occurred_on, offered_by, offer_how, response, refusal_reasons,
    recorded_by, recorded_at)
select ge.episode_id, 'TREATMENT_OFFERED', ge.opened + (o * ge.d_amb) / 3,
    pg_temp.pick(array['FAMILY_INVITATION', 'FAMILY_INVITATION', 'COUNSELOR', 'INTERVENTION', 'OTHER_PROVIDER']),
    'Invited at a calm moment, as rehearsed', pg_temp.pick(array['REFUSED', 'REFUSED', 'REFUSED', 'DEFERRED']),
    pg_temp.pick(array['DENIAL', 'FEAR_OF_WITHDRAWAL', 'STIGMA_OR_SHAME', 'MISINFORMATION', 'FINANCIAL_OR_INSURANCE',
        'LOGISTICAL', 'PAST_TREATMENT_FAILED', 'DENIAL,FEAR_OF_WITHDRAWAL', 'STIGMA_OR_SHAME,LOGISTICAL']),
    c.username, ge.opened + (o * ge.d_amb) / 3 + time '16:30'
from ge join gc c on c.id = ge.counselor_id cross join generate_series(1, 2) o
where ge.opened + (o * ge.d_amb) / 3 <= ge.observed_until
order by ge.episode_id, o;
-- (accepted one to ten days before the entry, while preparing: the referral runs from the one to the other; the
-- lag is worked out from the episode's id, so that no random number is drawn and every row after is unchanged)
alter table ge add column d_arrive int;
update ge set d_arrive = least(d_enter, 1 + (episode_id * 7) % 10);
insert into episode_event (episode_id, kind, occurred_on, offered_by, offer_how, response, recorded_by, recorded_at)
select p.episode_id, 'TREATMENT_OFFERED', p.on_day - ge.d_arrive, 'FAMILY_INVITATION', 'Invited with the family present',
    'ACCEPTED', c.username, p.on_day - ge.d_arrive + time '15:00'
from gpath p join ge on ge.episode_id = p.episode_id join gc c on c.id = ge.counselor_id
where p.to_status = 'ENTERED_TREATMENT' order by p.episode_id;

insert into episode_event (episode_id, kind, occurred_on, stage, recorded_by, recorded_at)
select ge.episode_id, 'STAGE_OBSERVED', ge.opened + s * 12, pg_temp.pick(array['PRECONTEMPLATION', 'CONTEMPLATION',
    'PREPARATION']), c.username, ge.opened + s * 12 + time '17:00'
from ge join gc c on c.id = ge.counselor_id cross join generate_series(1, 2) s
where ge.opened + s * 12 <= ge.observed_until order by ge.episode_id, s;
insert into episode_event (episode_id, kind, occurred_on, family_strategy, recorded_by, recorded_at)
select ge.episode_id, 'FAMILY_STRATEGY', ge.opened + 7, pg_temp.pick(array['BOUNDARY_AGREED',
    'FINANCIAL_SUPPORT_STOPPED', 'CRAFT_INVITATION_REHEARSED', 'INTERVENTION_PLANNED', 'INTERVENTION_HELD']),
    c.username, ge.opened + 7 + time '17:00'
from ge join gc c on c.id = ge.counselor_id where ge.opened + 7 <= ge.observed_until order by ge.episode_id;
insert into episode_event (episode_id, kind, occurred_on, critical_event, recorded_by, recorded_at)
select ge.episode_id, 'CRITICAL_EVENT', ge.opened + ge.d_amb / 2, pg_temp.pick(array['NON_FATAL_OVERDOSE',
    'EMERGENCY_VISIT', 'ARREST_OR_LEGAL', 'JOB_LOSS', 'HOUSING_LOSS']), c.username, ge.opened + ge.d_amb / 2 + time '18:00'
from ge join gc c on c.id = ge.counselor_id where ge.r_retain * 10 - floor(ge.r_retain * 10) < 0.12
    and ge.opened + ge.d_amb / 2 <= ge.observed_until order by ge.episode_id;
insert into episode_event (episode_id, kind, occurred_on, harm_reduction, recorded_by, recorded_at)
select ge.episode_id, 'HARM_REDUCTION', ge.opened + 3, pg_temp.pick(array['NALOXONE_KIT_GIVEN', 'NALOXONE_KIT_GIVEN',
    'OVERDOSE_TRAINING', 'FENTANYL_TEST_STRIPS']), c.username, ge.opened + 3 + time '18:00'
from ge join gc c on c.id = ge.counselor_id where ge.u * 7 - floor(ge.u * 7) < 0.35 and ge.opened + 3 <= ge.observed_until
order by ge.episode_id;

-- each episode's status, last event and next follow-up, as the application keeps them
update engagement_episode e set status = last.to_status from (
    select distinct on (episode_id) episode_id, to_status from gpath order by episode_id, seq desc) last
where last.episode_id = e.id;
update engagement_episode e set last_event_on = last.on_day from (
    select episode_id, max(occurred_on) as on_day from episode_event where episode_id in (select episode_id from ge)
    group by episode_id) last
where last.episode_id = e.id;
update engagement_episode e set next_follow_up_on = e.last_event_on + pg_temp.between(7, 30)
where e.id in (select episode_id from ge)
    and e.status not in ('DISENGAGED', 'MOVED_AWAY', 'DECEASED', 'CLOSED_OTHER', 'RETAINED_90');
insert into episode_event (episode_id, kind, occurred_on, follow_up_on, recorded_by, recorded_at)
select e.id, 'FOLLOW_UP_SET', e.last_event_on, e.next_follow_up_on, c.username, e.last_event_on + time '18:30'
from engagement_episode e join ge on ge.episode_id = e.id join gc c on c.id = ge.counselor_id
where e.next_follow_up_on is not null order by e.id;

-- Family sessions: about the number asked for a family, weekly to monthly while it is open, and the next weeks
create temp table ga as
select gf.i, gf.family_id, gf.program_id, gf.counselor_id, n,
    pg_temp.weekday(gf.opened_on + ((n - 1) * (least(coalesce(gf.closed_on, ${today}::date + 28), gf.opened_on + 720)
        - gf.opened_on)) / greatest(1, gf.sessions - 1)) as on_day,
    pg_temp.between(0, 32) as slot, random() as r_status, random() as r_room, random() as r_note
from (select gf.*, greatest(2, ${sessionsPerFamily} - 12 + floor(random() * 24)::int) as sessions from gf) gf
cross join lateral generate_series(1, gf.sessions) n
where gf.status <> 'INTAKE' or n = 1;
alter table ga add column status text, add column starts_at timestamptz;
update ga set starts_at = pg_temp.clinic_time(on_day, slot),
    status = case when on_day >= ${today}::date then 'SCHEDULED'
        when r_status < 0.64 then 'COMPLETED' when r_status < 0.78 then 'NO_SHOW'
        when r_status < 0.93 then 'CANCELLED_BY_FAMILY' else 'CANCELLED_BY_CLINIC' end;
analyze ga;
insert into appointment (family_id, kind, counselor_id, room_id, telehealth, starts_at, ends_at, status, cancel_reason,
    booked_by, booked_at, checked_in_at, cancelled_at)
select ga.family_id, case when ga.n = 1 then 'INTAKE_SESSION' else pg_temp.pick(array['FAMILY_THERAPY', 'CRAFT_SESSION',
    'CRAFT_SESSION', 'MEMBER_SESSION']) end, ga.counselor_id,
    case when ga.r_room < 0.3 then null else gr.id end, ga.r_room < 0.3, ga.starts_at, ga.starts_at + interval '50 minutes',
    ga.status, case when ga.status like 'CANCELLED%' then 'Could not come' end, gd.username,
    ga.starts_at - interval '9 days',
    case when ga.status = 'COMPLETED' then ga.starts_at - interval '5 minutes' end,
    case when ga.status like 'CANCELLED%' then ga.starts_at - case when ga.r_status < 0.85 then interval '3 hours'
        else interval '3 days' end end
from ga join gr on gr.program_id = ga.program_id and gr.r = 1 + floor(ga.r_room * 2)::int
join gd on gd.program_id = ga.program_id and gd.idx = ga.i % gd.cnt
order by ga.i, ga.n;
analyze appointment;
analyze family_member;
insert into appointment_member (appointment_id, family_member_id)
select a.id, m.id from appointment a
join family_member m on m.family_id = a.family_id and m.position = 0
where a.family_id in (select family_id from gf);

-- Notes: every completed session but a quarter of the last ten days' (due); signed or co-signed; many of the
-- last week's still drafts. The trigger that marks a session's note signed would update the sessions one note at
-- a time: off for the load (as the table's owner, inside the transaction), and the marks set once after it.
alter table session_note disable trigger session_note_marks_appointment;
insert into session_note (appointment_id, family_id, author_id, status, data_text, assessment_text, plan_text,
    target_behaviour, oars_open_questions, oars_affirmations, oars_reflections, oars_summaries, sustain_talk,
    craft_procedures, safety_plan_agreed, homework, next_steps, created_at, updated_at, signed_at, content_hash,
    cosigned_by, cosigned_at)
select a.id, a.family_id, a.counselor_id, st.status,
    'The family described the week; the mother kept to the agreed boundary twice.',
    'Family engaged; loved one still refuses treatment but talks more about cutting down.',
    'Rehearse the treatment invitation; practise positive communication.', 'Treatment entry',
    random() < 0.9, random() < 0.7, random() < 0.85, random() < 0.6, 'I am not ready to stop.',
    pg_temp.pick(array['POSITIVE_COMMUNICATION', 'FUNCTIONAL_ANALYSIS,POSITIVE_COMMUNICATION',
        'REWARDING_NON_USE,WITHDRAWING_REWARDS', 'TREATMENT_INVITATION', 'SELF_CARE,PROBLEM_SOLVING',
        'MOTIVATING_FAMILY_MEMBER', 'NATURAL_CONSEQUENCES', '']),
    random() < 0.3, 'Keep a log of calm conversations.', 'Next session in two weeks.',
    a.ends_at, a.ends_at + interval '2 hours', case when st.status <> 'DRAFT' then a.ends_at + interval '3 hours' end,
    case when st.status <> 'DRAFT' then md5(a.id::text) || md5(a.family_id::text) end,
    case when st.status = 'CO_SIGNED' then s.id end,
    case when st.status = 'CO_SIGNED' then a.ends_at + interval '2 days' end
from appointment a join gf on gf.family_id = a.family_id
join gs s on s.program_id = gf.program_id and s.idx = gf.i % s.cnt
cross join lateral (select case when a.ends_at > ${today}::date - 7 and random() < 0.6 then 'DRAFT'
    when random() < 0.3 then 'CO_SIGNED' else 'SIGNED' end || left(a.id::text, 0) as status) st
where a.status = 'COMPLETED' and (a.ends_at < ${today}::date - 10 or (a.id * 2654435761) % 100 < 75)
order by a.id;
update appointment a set note_signed = true from session_note n
where n.appointment_id = a.id and n.status <> 'DRAFT' and not a.note_signed;
alter table session_note enable trigger session_note_marks_appointment;
analyze session_note;

insert into miti_review (appointment_id, counselor_id, reviewer_id, self_review, questions, simple_reflections,
    complex_reflections, affirm, seeking_collaboration, emphasizing_autonomy, persuade, persuade_with_permission,
    confront, giving_information, cultivating_change_talk, softening_sustain_talk, partnership, empathy, comment,
    reviewed_at)
select n.appointment_id, n.author_id, s.id, false, pg_temp.between(8, 22), pg_temp.between(5, 16),
    pg_temp.between(3, 12), pg_temp.between(0, 5), pg_temp.between(0, 4), pg_temp.between(0, 4), pg_temp.between(0, 3),
    pg_temp.between(0, 2), pg_temp.between(0, 2), pg_temp.between(0, 6), pg_temp.between(2, 5), pg_temp.between(2, 5),
    pg_temp.between(2, 5), pg_temp.between(2, 5), 'Reviewed from the recording.', n.signed_at + interval '5 days'
from session_note n join gf on gf.family_id = n.family_id
join gs s on s.program_id = gf.program_id and s.idx = gf.i % s.cnt
where n.status <> 'DRAFT' and (n.id * 40503) % 100 < 2 order by n.id;

-- Support groups: weekly, the meetings asked for each, ending in the coming weeks, with members and attendance
create temp table gg as
select g, gp.id as program_id, ${today}::date - (${groupWeeks} - 4 - (g % 5)) * 7 as first_day, 1 + g % 5 as weekday,
    pg_temp.pick(array['CRAFT_SKILLS', 'PARENTS', 'SPANISH_FAMILY', 'PARTNERS', 'SELF_CARE']) as kind
from generate_series(1, ${groups}) g join gp on gp.k = 1 + (g - 1) % ${programs};
update gg set first_day = first_day + ((weekday - extract(isodow from first_day)::int + 7) % 7);
insert into support_group (name, kind, language, program_id, room_id, capacity, open_enrollment, recurrence,
    defined_by, defined_at)
select initcap(replace(lower(gg.kind), '_', ' ')) || ' group ' || gg.g, gg.kind,
    case when gg.kind = 'SPANISH_FAMILY' then 'es' else 'en' end, gg.program_id, gr.id, 14, gg.g % 3 <> 0,
    'DTSTART;TZID=${zone}:' || to_char(gg.first_day, 'YYYYMMDD') || 'T180000' || chr(13) || chr(10)
        || 'DURATION:PT1H30M' || chr(13) || chr(10) || 'RRULE:FREQ=WEEKLY;COUNT=${groupWeeks};BYDAY='
        || (array['MO', 'TU', 'WE', 'TH', 'FR'])[gg.weekday] || ';WKST=MO',
    s.username, gg.first_day - 14 + time '10:00'
from gg join gr on gr.program_id = gg.program_id and gr.r = 3
join gs s on s.program_id = gg.program_id and s.idx = gg.g % s.cnt order by gg.g;
alter table gg add column group_id bigint;
update gg set group_id = g.id from support_group g where g.name like '% group ' || gg.g and g.program_id = gg.program_id;
insert into group_facilitator (group_id, staff_member_id)
select gg.group_id, c.id from gg join gc c on c.program_id = gg.program_id and c.idx = gg.g % c.cnt;
insert into group_session (group_id, occurs_on, starts_at, ends_at, room_id, status, cancel_reason)
select gg.group_id, gg.first_day + w * 7, (gg.first_day + w * 7 + time '18:00') at time zone '${zone}',
    (gg.first_day + w * 7 + time '19:30') at time zone '${zone}', g.room_id,
    case when (gg.g + w) % 29 = 0 then 'CANCELLED' else 'SCHEDULED' end,
    case when (gg.g + w) % 29 = 0 then 'Facilitator ill' end
from gg join support_group g on g.id = gg.group_id cross join generate_series(0, ${groupWeeks} - 1) w
order by gg.g, w;

create temp table gm as
select m.id, gf.program_id, row_number() over (partition by gf.program_id order by m.id) - 1 as idx,
    count(*) over (partition by gf.program_id) as cnt
from family_member m join gf on gf.family_id = m.family_id and gf.status in ('ACTIVE', 'ON_HOLD')
where m.position <= 1;
analyze gm;
analyze gg;
insert into group_enrollment (group_id, family_member_id, status, position, enrolled_at)
select distinct on (gg.group_id, gm.id) gg.group_id, gm.id, case when e <= 11 then 'ENROLLED' else 'WAITLISTED' end,
    e, gg.first_day - 7 + time '12:00'
from gg cross join generate_series(1, case when gg.g % 4 = 0 then 13 else 10 end) e
join gm on gm.program_id = gg.program_id and gm.idx = (gg.g * 7919 + e * 104729) % gm.cnt
order by gg.group_id, gm.id, e;
analyze group_session;
analyze group_enrollment;
insert into group_attendance (group_session_id, family_member_id, mark, recorded_by, recorded_at)
select s.id, e.family_member_id, case when r < 0.70 then 'PRESENT' when r < 0.78 then 'LATE'
    when r < 0.93 then 'ABSENT' else 'EXCUSED' end, gd.username, s.ends_at + interval '10 minutes'
from group_session s join gg on gg.group_id = s.group_id
join group_enrollment e on e.group_id = s.group_id and e.status = 'ENROLLED'
join gd on gd.program_id = gg.program_id and gd.idx = gg.g % gd.cnt
cross join lateral (select random() + 0 * s.id as r) rr
where s.status = 'SCHEDULED' and s.occurs_on < ${today}::date
order by s.id, e.family_member_id;

-- The parts of the notes the pages read: change talk heard (DARN-CAT, with short quotes), each attending
-- member's readiness ruler and stage, the loved one's stage as the family reports it, and a few addenda. A
-- signed note's parts are final (the triggers refuse them once it is signed); they are written here as the
-- note's owner in one go, so the triggers are off inside this transaction only.
alter table note_change_talk disable trigger note_change_talk_final;
alter table note_readiness disable trigger note_readiness_final;
alter table note_loved_one_stage disable trigger note_loved_one_stage_final;
alter table group_note_section disable trigger group_note_section_final;
create temp table gn as
select n.id as note_id, n.family_id, n.author_id, n.signed_at, n.status, m.id as member_id, l.id as loved_one_id,
    random() as r
from session_note n
join family_member m on m.family_id = n.family_id and m.position = 0
join loved_one l on l.family_id = n.family_id and l.position = 0;
analyze gn;
insert into note_change_talk (note_id, position, category, quote, member_id)
select gn.note_id, p - 1, c.category, c.quote, gn.member_id
from gn cross join generate_series(1, 1 + floor(gn.r * 3)::int) p
cross join lateral (select (array['DESIRE', 'ABILITY', 'REASONS', 'NEED', 'COMMITMENT', 'ACTIVATION',
    'TAKING_STEPS'])[k] as category, (array['I want him home for the holidays, sober.',
    'I kept calm when she came in late; I can do that again.', 'The grandchildren need their dad back.',
    'I need to stop paying his phone bill.', 'I will ask her on Sunday, the way we rehearsed.',
    'I am ready to call the clinic with him.', 'I went to my first Nar-Anon meeting.'])[k] as quote
    from (select 1 + floor(random() * 7)::int + 0 * p as k) pick) c
where gn.r < 0.8
order by gn.note_id, p;
insert into note_readiness (note_id, member_id, importance, confidence, readiness, stage)
select gn.note_id, gn.member_id, pg_temp.between(6, 10), pg_temp.between(3, 9), pg_temp.between(3, 9),
    pg_temp.pick(array['CONTEMPLATION', 'PREPARATION', 'PREPARATION', 'ACTION', 'ACTION', 'MAINTENANCE'])
from gn order by gn.note_id;
insert into note_loved_one_stage (note_id, loved_one_id, stage)
select gn.note_id, gn.loved_one_id, pg_temp.pick(array['PRECONTEMPLATION', 'PRECONTEMPLATION', 'CONTEMPLATION',
    'CONTEMPLATION', 'PREPARATION', 'ACTION'])
from gn order by gn.note_id;
insert into note_addendum (note_id, author_id, body, written_at, content_hash)
select gn.note_id, gn.author_id, 'Late entry: the family called the next day to say the loved one agreed to an'
    || ' assessment visit.', gn.signed_at + interval '1 day', md5(gn.note_id::text || 'addendum')
    || md5('addendum' || gn.note_id::text)
from gn where gn.status <> 'DRAFT' and gn.r * 100 - floor(gn.r * 100) < 0.02 order by gn.note_id;
alter table note_change_talk enable trigger note_change_talk_final;
alter table note_readiness enable trigger note_readiness_final;
alter table note_loved_one_stage enable trigger note_loved_one_stage_final;

-- Each intake's readiness rulers for the members who take part
insert into member_readiness (family_id, family_member_id, importance, confidence, readiness)
select m.family_id, m.id, pg_temp.between(5, 10), pg_temp.between(2, 8), pg_temp.between(2, 8)
from family_member m join gf on gf.family_id = m.family_id where m.position <= 1 order by m.id;

-- Group notes for the last half year's meetings: one body, a section for each member who came; the last two
-- weeks' partly drafts
insert into group_note (group_session_id, author_id, status, body, created_at, updated_at, signed_at, content_hash)
select s.id, f.staff_member_id, case when s.occurs_on > ${today}::date - 14 and (s.id % 3) = 0 then 'DRAFT'
    else 'SIGNED' end,
    'The group practised positive communication in pairs and shared one boundary each kept this week.',
    s.ends_at + interval '1 hour', s.ends_at + interval '2 hours',
    case when not (s.occurs_on > ${today}::date - 14 and (s.id % 3) = 0) then s.ends_at + interval '3 hours' end,
    case when not (s.occurs_on > ${today}::date - 14 and (s.id % 3) = 0) then md5(s.id::text) || md5('group' || s.id) end
from group_session s
join lateral (select staff_member_id from group_facilitator where group_id = s.group_id
    order by staff_member_id limit 1) f on true
where s.status = 'SCHEDULED' and s.occurs_on < ${today}::date and s.occurs_on >= ${today}::date - 182
order by s.id;
insert into group_note_section (note_id, family_member_id, family_id, text)
select n.id, a.family_member_id, m.family_id, 'Took part; practised the invitation role-play.'
from group_note n join group_attendance a on a.group_session_id = n.group_session_id and a.mark in ('PRESENT', 'LATE')
join family_member m on m.id = a.family_member_id
order by n.id, a.family_member_id;
alter table group_note_section enable trigger group_note_section_final;

-- Covering counselors: a few families covered for two weeks by a colleague of the program, some right now
insert into family_assignment (family_id, counselor_id, kind, starts_on, ends_on, reason, assigned_by, assigned_at)
select gf.family_id, c.id, 'COVERING', d.starts_on, d.starts_on + 13, 'Primary counselor on leave', s.username,
    d.starts_on - 2 + time '09:00'
from gf join gc c on c.program_id = gf.program_id and c.idx = (gf.i / ${programs} + 1) % c.cnt and c.cnt > 1
join gs s on s.program_id = gf.program_id and s.idx = gf.i % s.cnt
cross join lateral (select greatest(gf.opened_on, ${today}::date - 7 - (gf.i % 60)) + 0 * gf.i as starts_on) d
where gf.status = 'ACTIVE' and gf.i % 29 = 0
order by gf.i;

-- 42 CFR Part 2 consents of a third of the families (some revoked), and disclosures under some of them
insert into consent (family_id, member_id, recipient_name, recipient_organisation, purpose, scope, signed_on,
    starts_on, expires_on, recorded_by, recorded_at, revoked_on, revoked_by, revoked_at)
select gf.family_id, m.id, pg_temp.pick(array['Dr. Alvarez', 'Intake team', 'Probation officer', 'Care coordinator']),
    pg_temp.pick(array['Harbor Recovery Center', 'County Treatment Services', 'St. Luke''s Addiction Services',
        'County Probation']),
    'Coordination of care for the family', pg_temp.pick(array['ATTENDANCE', 'SUMMARY', 'SUMMARY', 'FULL_RECORD']),
    gf.opened_on + 7, gf.opened_on + 7, gf.opened_on + 372, gd.username, gf.opened_on + 7 + time '11:00',
    case when gf.i % 10 = 0 then gf.opened_on + 60 end, case when gf.i % 10 = 0 then gd.username end,
    case when gf.i % 10 = 0 then gf.opened_on + 60 + time '11:00' end
from gf join family_member m on m.family_id = gf.family_id and m.position = 0
join gd on gd.program_id = gf.program_id and gd.idx = gf.i % gd.cnt
where gf.r_lang * 10 - floor(gf.r_lang * 10) < 0.33 and gf.opened_on + 60 < ${today}::date
order by gf.i;
insert into disclosure (consent_id, family_id, member_id, recipient_name, recipient_organisation, purpose, scope,
    format, disclosed_by, disclosed_at, content_sha256)
select c.id, c.family_id, c.member_id, c.recipient_name, c.recipient_organisation, c.purpose, c.scope,
    case when c.id % 4 = 0 then 'JSON' else 'PDF' end, gc.username, c.starts_on + 20 + time '14:00',
    md5(c.id::text) || md5('disclosure' || c.id)
from consent c join family f on f.id = c.family_id join gc on gc.id = f.primary_counselor_id
where c.id % 2 = 0 and c.family_id in (select family_id from gf)
order by c.id;

-- Break the glass: now and then a counselor opens a family of a colleague in an emergency; most reviewed
insert into emergency_access (family_id, staff_id, reason, session_key, granted_at, ended_at, reviewed_by, reviewed_at,
    review_note)
select gf.family_id, c.id, 'Family called in crisis while their counselor was away; overdose reported.',
    md5('session' || gf.i), d.at, d.at + interval '40 minutes',
    case when gf.i % 3 <> 0 then s.username end, case when gf.i % 3 <> 0 then d.at + interval '1 day' end,
    case when gf.i % 3 <> 0 then 'Appropriate: crisis call, counselor away.' end
from gf join gc c on c.program_id = gf.program_id and c.idx = (gf.i / ${programs} + 2) % c.cnt and c.cnt > 2
join gs s on s.program_id = gf.program_id and s.idx = gf.i % s.cnt
cross join lateral (select (greatest(gf.opened_on + 3, ${today}::date - (gf.i % 400)) + time '16:00')
    at time zone '${zone}' + 0 * interval '1 day' as at) d
where gf.status = 'ACTIVE' and (gf.i % 97 = 0 or (gf.i < 60 and gf.i % 7 = 0))
order by gf.i;

-- Clinic closures: the holidays of the generated years and the next
insert into clinic_closure (closed_on, reason)
select h.day, h.reason from generate_series(extract(year from ${today}::date)::int - 5,
    extract(year from ${today}::date)::int + 1) y
cross join lateral (values (make_date(y, 1, 1), 'New Year''s Day'), (make_date(y, 7, 4), 'Independence Day'),
    (make_date(y, 12, 25), 'Christmas Day'),
    (make_date(y, 11, 1) + ((4 - extract(isodow from make_date(y, 11, 1))::int + 7) % 7) + 21, 'Thanksgiving')) h(day, reason)
order by h.day
on conflict (closed_on) do nothing;

-- The path from "yes" to treatment (issue 24), last in the script so that every row above is drawn as before:
-- the region's directory of about 300 treatment providers (some 12% not confirmed for 90 days), ready plans on
-- open episodes and on most that entered, a referral for every accepted offer followed step by step (arrived on
-- the day of the entry, or not, with a reason; a few still open, some stalled), and windows of opportunity after
-- critical events of the last days.
create temp table gtp as
select i, pg_temp.pick(array['Albany', 'Albany', 'Schenectady', 'Troy', 'Troy', 'Saratoga Springs', 'Kingston',
        'Poughkeepsie', 'Poughkeepsie', 'Newburgh', 'Hudson', 'Glens Falls', 'Amsterdam', 'Catskill', 'Middletown',
        'Cohoes', 'Rensselaer', 'Gloversville']) as city,
    pg_temp.pick(array['Hudson', 'Mohawk', 'Capital', 'Catskill', 'Riverside', 'Valley', 'Harbor', 'New Hope',
        'Pathways', 'Serenity', 'Beacon', 'Northway', 'Evergreen', 'Crossroads', 'Lighthouse', 'Summit', 'Bridges',
        'Clearview', 'St. Mary''s', 'Unity', 'Second Chance', 'Horizon']) as first_word,
    pg_temp.pick(array['Recovery Center', 'Treatment Services', 'Addiction Services', 'Behavioral Health',
        'Counseling Center', 'Health Center', 'Medical Group', 'Recovery Services', 'Clinic', 'Wellness Center',
        'Opioid Treatment Program', 'Family Health']) as second_word,
    random() as u_stale, random() as u_wait, random() as u_active, random() as u_locator
from generate_series(1, 300) i;
insert into treatment_provider (locator_id, name, street, city, state, zip, phone, website, co_occurring_care,
    intake_hours, typical_wait_days, confirmed_on, active, notes, created_by, created_at, updated_by, updated_at)
select case when u_locator < 0.8 then 'NY' || lpad((4000 + i * 37)::text, 6, '0') end,
    first_word || ' ' || second_word || ' - ' || city,
    pg_temp.between(10, 2999) || ' ' || pg_temp.pick(array['Main St', 'State St', 'Broadway', 'Washington Ave',
        'Central Ave', 'Union St', 'River Rd', 'Church St', 'Lark St', 'Western Ave', 'Market St', 'Delaware Ave']),
    city, 'NY', '12' || lpad(pg_temp.between(0, 999)::text, 3, '0'),
    '(518) 555-' || lpad(pg_temp.between(100, 9999)::text, 4, '0'),
    'https://www.' || lower(regexp_replace(first_word || second_word, '[^A-Za-z]', '', 'g')) || '.example.org',
    random() < 0.55,
    pg_temp.pick(array['Mon-Fri 8:00-16:00', 'Mon-Fri 9:00-17:00, walk-ins until 11:00', 'Every day, 24 hours',
        'Mon-Sat 7:00-15:00', 'Tue and Thu 9:00-13:00', 'Mon-Fri 8:30-16:30, call first']),
    case when u_wait < 0.45 then pg_temp.between(0, 3) when u_wait < 0.8 then pg_temp.between(4, 14)
        else pg_temp.between(15, 45) end,
    case when u_stale < 0.12 then ${today}::date - pg_temp.between(91, 420) else ${today}::date - pg_temp.between(0, 89) end,
    u_active >= 0.03, case when u_active < 0.03 then 'Closed its doors; kept for the referrals that name it.' end,
    'sam', ${today}::date - 400 + time '10:00', 'sam', ${today}::date - 30 + time '10:00'
from gtp order by i;
update treatment_provider set updated_at = confirmed_on + time '11:00',
    created_at = least(created_at, confirmed_on + time '10:00');
create temp table gpv as
select id, row_number() over (order by id) as k, count(*) over () as n from treatment_provider where active;
analyze gpv;
-- (each provider's options drawn one by one in a subquery: a condition on the options alone would be drawn once
-- per option, for every provider at once)
insert into provider_level_of_care (provider_id, level_of_care)
select id, level from (select p.id, l.level, l.share, random() as u from treatment_provider p
    cross join (values ('OUTPATIENT', 0.62), ('INTENSIVE_OUTPATIENT', 0.45), ('OFFICE_BASED_BUPRENORPHINE', 0.3),
        ('OPIOID_TREATMENT_PROGRAM', 0.12), ('RESIDENTIAL', 0.2), ('WITHDRAWAL_MANAGEMENT', 0.15),
        ('PARTIAL_HOSPITALIZATION', 0.1)) l(level, share) order by p.id, l.level offset 0) x
where u < share order by id, level;
insert into provider_level_of_care (provider_id, level_of_care)
select p.id, 'OUTPATIENT' from treatment_provider p
where not exists (select 1 from provider_level_of_care l where l.provider_id = p.id) order by p.id;
insert into provider_medication (provider_id, medication)
select p.id, m.medication from treatment_provider p
cross join (values ('METHADONE'), ('BUPRENORPHINE_NALOXONE'), ('BUPRENORPHINE_MONO'),
    ('BUPRENORPHINE_EXTENDED_RELEASE'), ('NALTREXONE_EXTENDED_RELEASE')) m(medication)
cross join lateral (select bool_or(l.level_of_care = 'OPIOID_TREATMENT_PROGRAM') as otp,
    bool_or(l.level_of_care = 'OFFICE_BASED_BUPRENORPHINE') as obb
    from provider_level_of_care l where l.provider_id = p.id) o
where random() < case m.medication
    when 'METHADONE' then case when o.otp then 1 else 0 end
    when 'BUPRENORPHINE_NALOXONE' then case when o.obb then 1 when o.otp then 0.6 else 0.25 end
    when 'BUPRENORPHINE_MONO' then case when o.obb then 0.4 else 0.05 end
    when 'BUPRENORPHINE_EXTENDED_RELEASE' then case when o.obb or o.otp then 0.3 else 0.05 end
    else 0.22 end
order by p.id, m.medication;
insert into provider_payment (provider_id, payment)
select id, payment from (select p.id, m.payment, m.share, random() as u from treatment_provider p
    cross join (values ('MEDICAID', 0.85), ('MEDICARE', 0.45), ('PRIVATE_INSURANCE', 0.7), ('SLIDING_FEE', 0.35),
        ('FREE', 0.08)) m(payment, share) order by p.id, m.payment offset 0) x
where u < share order by id, payment;
insert into provider_language (provider_id, language)
select id, language from (select p.id, m.language, m.share, random() as u from treatment_provider p
    cross join (values ('en', 1.0), ('es', 0.35), ('zh', 0.04), ('vi', 0.03), ('ru', 0.03), ('ht', 0.03),
        ('asl', 0.05)) m(language, share) order by p.id, m.language offset 0) x
where u < share order by id, language;
insert into provider_population (provider_id, population)
select id, population from (select p.id, m.population, m.share, random() as u from treatment_provider p
    cross join (values ('ADOLESCENTS', 0.12), ('YOUNG_ADULTS', 0.25), ('ADULT_WOMEN', 0.3),
        ('PREGNANT_OR_POSTPARTUM', 0.12), ('ADULT_MEN', 0.3), ('SENIORS', 0.1), ('VETERANS', 0.15), ('LGBTQ', 0.15),
        ('CRIMINAL_JUSTICE', 0.3)) m(population, share) order by p.id, m.population offset 0) x
where u < share order by id, population;

-- Ready plans: on most episodes preparing now, some ambivalent or refusing ones, and most of those that entered
-- (made before the offer was accepted); a shortlist of one to four providers, with interview answers
create temp table gpl as
select ge.episode_id, ge.family_id, c.username, ge.level, e.status,
    (e.opened_at at time zone '${zone}')::date as opened_on, a.on_day as entered_on, random() as u,
    pg_temp.between(1, 4) as shortlist, pg_temp.between(3, 20) as d_before
from ge join engagement_episode e on e.id = ge.episode_id join gc c on c.id = ge.counselor_id
left join gpath a on a.episode_id = ge.episode_id and a.to_status = 'ENTERED_TREATMENT'
order by ge.episode_id;
delete from gpl where not ((entered_on is not null and u < 0.65) or (status = 'PREPARING' and u < 0.85)
    or (status = 'AMBIVALENT' and u < 0.45) or (status = 'REFUSING' and u < 0.12));
alter table gpl add column made_on date;
update gpl set made_on = case when gpl.entered_on is not null
        then greatest(gpl.opened_on, gpl.entered_on - ge.d_arrive - gpl.d_before)
        else greatest(gpl.opened_on, ${today}::date - gpl.d_before * 2) end
from ge where ge.episode_id = gpl.episode_id;
insert into ready_plan (episode_id, proposed_level, payment, language, medication_wanted, transport_kind,
    transport_who, companions, bag_items, bag_note, created_by, created_at, updated_by, updated_at)
select g.episode_id,
    case when g.level in ('NALTREXONE', 'PEER_RECOVERY_SUPPORT') then 'OUTPATIENT' else g.level end,
    pg_temp.pick(array['MEDICAID', 'MEDICAID', 'MEDICAID', 'PRIVATE_INSURANCE', 'PRIVATE_INSURANCE', 'MEDICARE',
        'SLIDING_FEE', null]),
    case when g.u * 10 - floor(g.u * 10) < 0.2 then 'es' else 'en' end,
    pg_temp.pick(array[null, null, 'BUPRENORPHINE_NALOXONE', 'BUPRENORPHINE_NALOXONE', 'METHADONE',
        'NALTREXONE_EXTENDED_RELEASE', 'BUPRENORPHINE_EXTENDED_RELEASE']),
    t.kind,
    case t.kind when 'FAMILY_DRIVES' then pg_temp.first_name() || ' drives, in the family car'
        when 'SERVICE' then 'County Medicaid transport, (518) 555-0142'
        when 'PROVIDER_PICKUP' then 'The provider''s van picks up at home'
        when 'PUBLIC_TRANSIT' then 'Bus 22, with a family member' end,
    pg_temp.pick(array['Mother', 'Father and sister', 'Partner', 'Brother', 'Aunt', null]),
    pg_temp.pick(array['PHOTO_ID,INSURANCE_CARD,MEDICATION_LIST,CLOTHES_FOR_A_WEEK,PHONE_AND_CHARGER',
        'PHOTO_ID,INSURANCE_CARD,MEDICATIONS_IN_ORIGINAL_BOTTLES,TOILETRIES,CONTACT_LIST', 'PHOTO_ID,INSURANCE_CARD',
        null]),
    pg_temp.pick(array['Photo ID, insurance card, medication list, a week of clothes, phone charger',
        'ID and insurance card; medications in their bottles; no valuables', null]),
    g.username, g.made_on + time '14:30', g.username, g.made_on + time '14:30'
from gpl g cross join lateral (select pg_temp.pick(array['FAMILY_DRIVES', 'FAMILY_DRIVES', 'SERVICE',
    'PROVIDER_PICKUP', 'PUBLIC_TRANSIT', null]) as kind, g.episode_id as tie) t
order by g.episode_id;
create temp table gpp as
select r.id as plan_id, g.episode_id, g.made_on, g.entered_on, g.username, o as position,
    1 + floor(random() * (select max(n) from gpv))::int as k
from gpl g join ready_plan r on r.episode_id = g.episode_id cross join generate_series(1, 4) o
where o <= g.shortlist order by g.episode_id, o;
insert into plan_provider (plan_id, provider_id, position, interviewed_on, wait_days, detox_protocol,
    medications_offered, family_involvement, cost_after_insurance, aftercare, slot_available, slot_note,
    preauth_state, preauth_payer, preauth_reference, preauth_requested_on, preauth_decided_on)
select x.plan_id, gpv.id, x.position, x.interviewed_on, x.wait_days, x.detox, x.meds, x.family, x.cost, x.aftercare,
    x.slot, case when x.slot then 'A bed is held for three days' end,
    x.preauth, case when x.preauth in ('REQUESTED', 'APPROVED', 'DENIED') then 'Fidelis Care' end,
    case when x.preauth in ('REQUESTED', 'APPROVED', 'DENIED') then 'PA-' || (100000 + x.plan_id * 10 + x.position) end,
    case when x.preauth in ('REQUESTED', 'APPROVED', 'DENIED') then x.made_on + 1 end,
    case when x.preauth in ('APPROVED', 'DENIED') then x.made_on + 2 end
from (
    select p.*, case when random() < 0.75 then least(p.made_on + pg_temp.between(0, 2), ${today}::date) end
            as interviewed_on,
        pg_temp.between(0, 21) as wait_days,
        pg_temp.pick(array['Medically supervised, 5 to 7 days', 'Buprenorphine induction on day one',
            'Refers out to a detox unit', 'Comfort medications only']) as detox,
        pg_temp.pick(array['Buprenorphine and naltrexone', 'Methadone and buprenorphine', 'None on site',
            'Buprenorphine, extended-release too']) as meds,
        pg_temp.pick(array['Weekly family group', 'A family session every other week', 'Visits on Sundays',
            'None while in residential care']) as family,
        pg_temp.pick(array['$0 with Medicaid', '$250 copay', '$40 a visit', 'Sliding fee, about $20',
            'Unknown yet']) as cost,
        pg_temp.pick(array['Step-down to outpatient and a peer recovery coach', 'Sober-living referrals',
            'Outpatient group for a year', 'Alumni meetings']) as aftercare,
        random() < 0.5 as slot,
        pg_temp.pick(array['NOT_STARTED', 'NOT_NEEDED', 'REQUESTED', 'APPROVED', 'APPROVED', 'DENIED']) as preauth
    from gpp p order by p.episode_id, p.position) x
join gpv on gpv.k = x.k
order by x.episode_id, x.position
on conflict (plan_id, provider_id) do nothing;
update plan_provider set interviewed_on = null, wait_days = null, detox_protocol = null, medications_offered = null,
    family_involvement = null, cost_after_insurance = null, aftercare = null where interviewed_on is null;
-- the rule of readiness: a shortlisted provider with a slot and pre-authorization approved or not needed
update ready_plan r set ready_since = g.made_on + 2 + time '15:00'
from gpl g where g.episode_id = r.episode_id and exists (select 1 from plan_provider p where p.plan_id = r.id
    and p.slot_available and p.preauth_state in ('APPROVED', 'NOT_NEEDED'));
update ready_plan r set ready_since = greatest(r.created_at, least(ready_since, (g.entered_on - ge.d_arrive) + time '12:00'))
from gpl g join ge on ge.episode_id = g.episode_id
where g.episode_id = r.episode_id and r.ready_since is not null and g.entered_on is not null;
update ready_plan set ready_since = least(ready_since, ${today}::date + time '08:00'),
    updated_at = least(greatest(updated_at, ready_since), ${today}::date + time '08:00') where ready_since is not null;

-- Referrals: every accepted offer of an entry arrived on the day of the entry, at a provider with its level of
-- care where one has it (the entry's status change names the provider); some entries had a referral lost before
-- (accepted when preparing began); some ambivalent loved ones said yes and did not arrive; and some preparing
-- now have an open one, some of them stalled
create temp table grf (episode_id bigint, offer_on date, outcome text, outcome_on date, reason text,
    status_before text, level text, username text, kind int);
insert into grf
select p.episode_id, p.on_day - ge.d_arrive, 'ARRIVED', p.on_day, null, 'PREPARING', p.level, c.username, 1
from gpath p join ge on ge.episode_id = p.episode_id join gc c on c.id = ge.counselor_id
where p.to_status = 'ENTERED_TREATMENT' order by p.episode_id;
insert into grf
select x.episode_id, x.prep_on, 'NOT_ARRIVED', x.prep_on + 1 + floor(x.u2 * 4)::int, x.reason, 'PREPARING', x.level,
    x.username, 2
from (select p.episode_id, p.on_day as prep_on, e.level as level, c.username, random() as u, random() as u2,
        pg_temp.pick(array['CHANGED_MIND', 'CHANGED_MIND', 'COULD_NOT_BE_REACHED', 'NO_TRANSPORT', 'PAYMENT_DENIED',
            'SLOT_LOST', 'USING_ON_THE_DAY', 'ARRESTED_OR_JAILED', 'HOSPITALIZED', 'OTHER']) as reason,
        (g3.on_day - ge.d_arrive) as final_offer
    from gpath p join ge on ge.episode_id = p.episode_id join gc c on c.id = ge.counselor_id
    join gpath g3 on g3.episode_id = p.episode_id and g3.to_status = 'ENTERED_TREATMENT'
    cross join lateral (select g3.level) e
    where p.to_status = 'PREPARING' order by p.episode_id) x
where x.u < 0.15 and x.prep_on + 5 < x.final_offer;
insert into grf
select x.episode_id, x.offer_on, 'NOT_ARRIVED', least(x.offer_on + 1 + floor(x.u2 * 5)::int, x.until), x.reason,
    'AMBIVALENT', x.level, x.username, 3
from (select p.episode_id, p.on_day + 1 + floor(random() * 4)::int as offer_on, ge.level, c.username,
        random() as u, random() as u2, least(ge.observed_until, ${today}::date) as until,
        pg_temp.pick(array['CHANGED_MIND', 'CHANGED_MIND', 'CHANGED_MIND', 'COULD_NOT_BE_REACHED', 'USING_ON_THE_DAY',
            'NO_TRANSPORT', 'PAYMENT_DENIED', 'OTHER']) as reason,
        (select min(n.on_day) from gpath n where n.episode_id = p.episode_id and n.seq > 1) as next_move
    from gpath p join ge on ge.episode_id = p.episode_id join gc c on c.id = ge.counselor_id
    where p.to_status = 'AMBIVALENT' and ge.u >= ${entryRate} order by p.episode_id) x
where x.u < 0.3 and x.offer_on + 6 <= x.until and (x.next_move is null or x.offer_on + 6 < x.next_move);
-- (open ones on half the episodes preparing now, and on the first few preparing or ambivalent, so that even the
-- demo set has some)
insert into grf
select x.episode_id, x.offer_on, 'OPEN', null, null, x.status, x.level, x.username, 4
from (select e.id as episode_id, e.status, greatest(p.on_day + 1, ${today}::date - pg_temp.between(1, 12)) as offer_on,
        ge.level, c.username, random() as u,
        row_number() over (order by e.status = 'PREPARING' desc, e.id) as rn
    from engagement_episode e join ge on ge.episode_id = e.id join gc c on c.id = ge.counselor_id
    join gpath p on p.episode_id = e.id and p.to_status = e.status
    where e.status in ('PREPARING', 'AMBIVALENT') order by e.id) x
where (x.u < 0.55 and x.status = 'PREPARING' or x.rn <= 4) and x.offer_on < ${today}::date;
-- the accepted offers of the referrals that are not an entry's (whose offer is already recorded)
insert into episode_event (episode_id, kind, occurred_on, offered_by, offer_how, response, recorded_by, recorded_at)
select g.episode_id, 'TREATMENT_OFFERED', g.offer_on, pg_temp.pick(array['FAMILY_INVITATION', 'FAMILY_INVITATION',
    'COUNSELOR']), 'Said yes when the family asked again', 'ACCEPTED', g.username, g.offer_on + time '15:00'
from grf g where g.kind > 1 order by g.episode_id, g.kind;
alter table grf add column offer_id bigint, add column provider_id bigint, add column u real;
update grf set offer_id = x.id from (select distinct on (v.episode_id, v.occurred_on) v.id, v.episode_id, v.occurred_on
    from episode_event v where v.kind = 'TREATMENT_OFFERED' and v.response = 'ACCEPTED'
    order by v.episode_id, v.occurred_on, v.id) x
where x.episode_id = grf.episode_id and x.occurred_on = grf.offer_on;
update grf set u = s.u from (select episode_id, kind, random() as u from grf order by episode_id, kind) s
where s.episode_id = grf.episode_id and s.kind = grf.kind;
-- (the first open one stalls from the yes, so that every set has one)
update grf set u = 0.1 where kind = 4 and episode_id = (select min(episode_id) from grf where kind = 4);
-- a provider of the plan's shortlist, else of the directory with the level of care, else any
update grf set provider_id = coalesce(
    (select pp.provider_id from ready_plan r join plan_provider pp on pp.plan_id = r.id
        where r.episode_id = grf.episode_id order by pp.slot_available desc, pp.position limit 1),
    (select l.provider_id from provider_level_of_care l join gpv on gpv.id = l.provider_id
        where l.level_of_care = grf.level order by (l.provider_id * 7919 + grf.episode_id) % 997 limit 1),
    (select gpv.id from gpv where gpv.k = 1 + grf.episode_id % gpv.n));
insert into referral (episode_id, provider_id, offer_event_id, level_of_care, accepted_on, started_at, status_before,
    plan_ready_at_acceptance, intake_at, last_step_at, outcome, outcome_on, not_arrived_reason, created_by)
select g.episode_id, g.provider_id, g.offer_id,
    coalesce(g.level, 'OUTPATIENT'), g.offer_on, (g.offer_on + time '16:00') at time zone '${zone}', g.status_before,
    coalesce((select r.ready_since <= (g.offer_on + time '16:00') at time zone '${zone}' from ready_plan r
        where r.episode_id = g.episode_id), false),
    case when g.outcome = 'ARRIVED' then (g.outcome_on + time '10:00') at time zone '${zone}'
        when g.outcome = 'NOT_ARRIVED' then (g.outcome_on + time '10:00') at time zone '${zone}'
        when g.u >= 0.3 then (g.offer_on + 1 + floor(g.u * 6)::int + time '10:00') at time zone '${zone}' end,
    case when g.outcome = 'ARRIVED' then (g.outcome_on + time '10:30') at time zone '${zone}'
        when g.outcome = 'NOT_ARRIVED' then (g.outcome_on + time '12:00') at time zone '${zone}'
        when g.u < 0.3 then (g.offer_on + time '16:00') at time zone '${zone}'
        else (g.offer_on + 1 + time '11:00') at time zone '${zone}' end,
    g.outcome, g.outcome_on, g.reason, g.username
from grf g order by g.episode_id, g.offer_on;
-- the steps: contacted on the day of the yes; the intake booked the next day; for most a warm hand-off and the
-- transport confirmed the day before the intake; then arrived or did not (an open referral: so far; a third of
-- them nothing since the yes, stalled)
insert into referral_step (referral_id, kind, occurred_at, intake_at, reason, note, recorded_by, recorded_at)
select s.referral_id, s.kind, s.occurred_at, s.intake_at, s.reason, s.note, s.username, s.occurred_at
from (
    select r.id as referral_id, 1 as ord, 'PROVIDER_CONTACTED' as kind, r.started_at + interval '1 hour' as occurred_at,
        null::timestamptz as intake_at, null as reason, 'Called intake; they have the referral' as note, g.username
    from referral r join grf g on g.offer_id = r.offer_event_id where not (r.outcome = 'OPEN' and g.u < 0.3)
    union all
    select r.id, 2, 'INTAKE_BOOKED', least(r.started_at + interval '19 hours', r.intake_at - interval '1 hour'),
        r.intake_at, null, null, g.username
    from referral r join grf g on g.offer_id = r.offer_event_id where r.intake_at is not null
    union all
    select r.id, 3, 'WARM_HANDOFF', r.intake_at - interval '20 hours', null, null,
        'Three-way call with the intake counselor', g.username
    from referral r join grf g on g.offer_id = r.offer_event_id
    where r.intake_at - interval '20 hours' > r.started_at + interval '19 hours' and g.u * 3 - floor(g.u * 3) < 0.7
        and (r.outcome <> 'OPEN' or r.intake_at - interval '20 hours' < ${today}::date + time '08:00')
    union all
    select r.id, 4, 'TRANSPORT_CONFIRMED', r.intake_at - interval '18 hours', null, null, null, g.username
    from referral r join grf g on g.offer_id = r.offer_event_id
    where r.intake_at - interval '18 hours' > r.started_at + interval '19 hours' and g.u * 7 - floor(g.u * 7) < 0.8
        and (r.outcome <> 'OPEN' or r.intake_at - interval '18 hours' < ${today}::date + time '08:00')
    union all
    select r.id, 5, case r.outcome when 'ARRIVED' then 'ARRIVED' else 'DID_NOT_ARRIVE' end, r.last_step_at, null,
        r.not_arrived_reason, null, g.username
    from referral r join grf g on g.offer_id = r.offer_event_id where r.outcome <> 'OPEN') s
order by s.referral_id, s.ord;
update referral r set last_step_at = s.last from (select referral_id, max(occurred_at) as last from referral_step
    group by referral_id) s where s.referral_id = r.id;
-- the entry's status change names the provider arrived at: written as the events' owner in this transaction only
-- (an event is final to the application)
alter table episode_event disable trigger episode_event_final;
update episode_event v set provider = left(p.name, 200) from referral r
join treatment_provider p on p.id = r.provider_id
where r.outcome = 'ARRIVED' and v.episode_id = r.episode_id and v.kind = 'STATUS_CHANGE'
    and v.to_status = 'ENTERED_TREATMENT' and v.occurred_on = r.outcome_on;
alter table episode_event enable trigger episode_event_final;

-- Windows of opportunity: a critical event in the last three days of some open episodes, a follow-up within 3 days
create temp table gw as
select x.episode_id, x.on_day, x.kind, x.username from (
    select e.id as episode_id, greatest((e.opened_at at time zone '${zone}')::date,
            ${today}::date - pg_temp.between(0, 2)) as on_day,
        pg_temp.pick(array['NON_FATAL_OVERDOSE', 'ARREST_OR_LEGAL', 'JOB_LOSS', 'HOUSING_LOSS',
            'EMERGENCY_VISIT']) as kind, c.username, random() as u, row_number() over (order by e.id) as rn
    from engagement_episode e join ge on ge.episode_id = e.id join gc c on c.id = ge.counselor_id
    where e.status in ('REFUSING', 'AMBIVALENT', 'PREPARING') order by e.id) x
where x.u < 0.07 or x.rn <= 3;
insert into episode_event (episode_id, kind, occurred_on, critical_event, recorded_by, recorded_at)
select episode_id, 'CRITICAL_EVENT', on_day, kind, username, on_day + time '09:00' from gw order by episode_id;
update engagement_episode e set window_open_until = w.on_day + 3, window_event_id = v.id,
    next_follow_up_on = least(coalesce(e.next_follow_up_on, w.on_day + 3), w.on_day + 3)
from gw w cross join lateral (select max(x.id) as id from episode_event x where x.episode_id = w.episode_id
    and x.kind = 'CRITICAL_EVENT' and x.occurred_on = w.on_day) v
where e.id = w.episode_id;
update engagement_episode e set last_event_on = last.on_day from (
    select episode_id, max(occurred_on) as on_day from episode_event where episode_id in (select episode_id from ge)
    group by episode_id) last
where last.episode_id = e.id and last.on_day > e.last_event_on;

-- ===== issue 25, safety: the written safety plans (versions, signatures, reviews) and raised safety flags =====
-- (this part's statements go between this line and its end line; every other part has its own section)
-- Most flagged families (intake screen positive, past intake) have a written plan of 1 to 4 versions, signed by
-- their counselor; later versions change the warning signs. A quarter were last checked more than 90 days ago (an
-- overdue review on the counselor's list); the others were signed or reviewed within 85 days. A leaving-safely part
-- only where the intake found violence at home, mostly left off the printed copy. Raised flags (PHQ-9 item 9) come
-- from the wellbeing part.
create temp table gsp as
select x.*, greatest(x.start_day, case when x.u_review < 0.75 then ${today}::date - pg_temp.between(0, 85)
        else ${today}::date - pg_temp.between(91, 200) end) as checked_day
from (select gf.i, gf.family_id, c.username, s.display_name, least(gf.opened_on + 5, ${today}::date) as start_day,
        i.domestic_violence, 1 + floor(random() * 4)::int as versions, random() as u_review,
        (select array_agg(m.id order by m.position) from family_member m where m.family_id = gf.family_id) as members,
        pg_temp.pick(array['Top kitchen drawer', 'Hall cupboard, blue box', 'Bathroom cabinet', 'Glove box of the car',
            'Bedside table']) as spray_where,
        pg_temp.pick(array['Aunt', 'Neighbour', 'Sister', 'Brother', 'Friend from church', 'Cousin']) as relation,
        pg_temp.first_name() as contact_name
    from gf join gc c on c.id = gf.counselor_id join staff_member s on s.id = c.id
    join intake i on i.family_id = gf.family_id
    where i.safety_flag and gf.status <> 'INTAKE' and random() < 0.85) x;
insert into safety_plan (family_id, current_number, checked_at)
select family_id, versions, checked_day + time '16:00' from gsp order by i;
insert into safety_plan_version (plan_id, number, content, changed_sections, signed_by, signed_by_name, signed_at)
select p.id, k, jsonb_build_object(
        'warningSigns', jsonb_build_array(
            (array['Shouting after midnight', 'Money missing from the jar', 'Not answering the phone for a day',
                'Strangers at the door late', 'Talk of not wanting to be here', 'Car keys gone missing',
                'Sleeping all day', 'Threats when asked about money'])[1 + (g.i + k) % 8],
            (array['Locked in the bedroom for hours', 'Friends we do not know calling', 'Breaking things',
                'Staying out all night', 'Pawned belongings', 'Talk of giving things away'])[1 + (g.i + 2 * k) % 6]),
        'members', (select jsonb_agg(jsonb_build_object('memberId', m, 'part', pg_temp.pick(array[
                'Takes the children to a neighbour''s', 'Calls the crisis line and stays calm',
                'Leaves the room and calls the counselor', 'Keeps the car keys and goes to a friend''s',
                'Checks on everyone and calls 911 if anyone is hurt']))) from unnest(g.members[1:2]) m),
        'contacts', jsonb_build_array(jsonb_build_object('name', g.contact_name, 'relation', lower(g.relation),
            'phone', '(555) ' || lpad((g.i % 1000)::text, 3, '0') || '-' || lpad(((g.i * 13) % 10000)::text, 4, '0'))),
        'naloxoneWhere', g.spray_where,
        'naloxoneTrained', jsonb_build_array(g.members[1]))
    || case when g.domestic_violence then jsonb_build_object('leaving', jsonb_build_object(
            'whereToGo', pg_temp.pick(array['My sister''s flat', 'The shelter on Main Street', 'A friend''s house']),
            'howToGetThere', pg_temp.pick(array['Bus 12 from the corner', 'A taxi, number in my phone', 'On foot']),
            'whatToTake', 'ID, phone charger, medicines, some cash', 'codeWord',
            pg_temp.pick(array['sunflower', 'blue kite', 'grandma''s soup']), 'whoToTell', g.contact_name,
            'leftOffPrint', random() < 0.7)) else '{}'::jsonb end,
    case when k = 1 then 'WARNING_SIGNS,MEMBERS,CONTACTS,NALOXONE' || case when g.domestic_violence then ',LEAVING'
        else '' end else 'WARNING_SIGNS' end,
    g.username, g.display_name,
    g.start_day + ((g.checked_day - g.start_day) * (k - 1)) / g.versions + time '15:00'
from gsp g join safety_plan p on p.family_id = g.family_id cross join lateral generate_series(1, g.versions) k
order by g.i, k;
insert into safety_plan_review (plan_id, version_number, reviewed_by, reviewed_by_name, reviewed_at)
select p.id, g.versions, g.username, g.display_name, g.checked_day + time '16:00'
from gsp g join safety_plan p on p.family_id = g.family_id
where g.start_day + ((g.checked_day - g.start_day) * (g.versions - 1)) / g.versions < g.checked_day
order by g.i;

-- Safety flags raised after intake (a member's PHQ-9 item 9 answer above 0) on about 3% of active families, within
-- the last four months; most raised over two weeks ago were lowered by the counselor a day or three later, with a
-- note of what was checked. The rest stand: a red flag on the caseload and a check on the counselor's list.
insert into safety_flag_raise (family_id, reason, source, raised_by, raised_at, lowered_by, lowered_at, lowered_note)
select x.family_id, 'MEMBER_SELF_HARM', 'PHQ-9 of ' || x.raised_on, x.username, x.raised_on + time '11:00',
    case when x.lowered then x.username end,
    case when x.lowered then x.raised_on + pg_temp.between(1, 3) + time '17:00' end,
    case when x.lowered then pg_temp.pick(array['Called the member: safe, with family tonight; 988 card given.',
        'Met the member the next day: no plan or intent; safety plan reviewed together.',
        'Spoke with the member and her sister: staying together, crisis line numbers agreed.']) end
from (select gf.i, gf.family_id, c.username, ${today}::date - pg_temp.between(1, 120) as raised_on, random() as u
    from gf join gc c on c.id = gf.counselor_id
    where gf.status = 'ACTIVE' and random() < 0.03) y
cross join lateral (select y.i, y.family_id, y.username, y.raised_on,
    y.raised_on < ${today}::date - 14 and y.u < 0.8 as lowered) x
order by x.i;

-- ===== end of issue 25, safety =====


-- ===== issue 25, boundaries: the families' boundaries and their reviews in session notes =====
-- (this part's statements go between this line and its end line; every other part has its own section)
-- Boundaries: 0 to 4 on most active families (as many as a fifth of r_episode says, kinds in a shuffled order), agreed in the weeks after intake (never after today), held by the
-- first member and sometimes the second. Each signed note of the family after a boundary was agreed reviews it
-- more often than not: mostly kept, some broken (what happened), a few changed (a new consequence, the one before
-- kept as a wording of the history). The boundary's review day follows its last review (28 days on, 14 after a
-- break), so some are due this week and some overdue; a few boundaries were retired.
create temp table gbk as
select k, kind, wording, consequence from (values
    (1, 'NO_USE_AT_HOME', 'No using in our home, not even in the garage.', 'If he uses at home, he sleeps elsewhere that night.'),
    (2, 'NO_MONEY_GIVEN', 'We don''t give cash, not even for gas or a phone bill.', 'We offer a meal or a bus pass instead.'),
    (3, 'CURFEW', 'Home by eleven on weeknights, or text before ten.', 'The door is locked at 11:15; he can stay at his aunt''s.'),
    (4, 'NO_DRUGS_IN_THE_HOUSE', 'No drugs or paraphernalia anywhere in the house.', 'What we find goes in the trash, and we talk the next calm day.'),
    (5, 'NO_RIDES_OR_ERRANDS_WHILE_USING', 'No rides or errands when she has been using.', 'We call a cab to a clinic or a shelter, nowhere else.'),
    (6, 'NOT_COVERING_FOR_THEM', 'We don''t call in sick for him or pay his debts.', 'He makes the call himself, and we say so kindly.'),
    (7, 'VISITS_ONLY_SOBER', 'Visits with the children only when sober.', 'The visit ends and we try again next week.'),
    (8, 'OTHER', 'We keep the car keys with us at night.', 'If the keys go missing, we report the car as taken.')
) v (k, kind, wording, consequence);
create temp table gb as
select nextval(pg_get_serial_sequence('boundary', 'id')) as id, x.family_id, x.kind, x.wording, x.consequence,
    x.agreed_on, x.by_name, x.n
from (
    select gf.family_id, k.kind, k.wording, k.consequence,
        row_number() over (partition by gf.family_id order by md5(gf.family_id || k.kind)) as n,
        least(${today}::date, gf.opened_on + pg_temp.between(7, 35)) as agreed_on, s.display_name as by_name
    from gf join gbk k on true join staff_member s on s.id = gf.counselor_id
    where gf.status = 'ACTIVE' and gf.opened_on < ${today}::date - 7
    order by gf.family_id, k.kind) x;
delete from gb where n > (select floor(g.r_episode * 5)::int from gf g where g.family_id = gb.family_id);
insert into boundary (id, family_id, kind, wording, consequence, agreed_on, review_on, created_by, created_at)
select id, family_id, kind, wording, consequence, agreed_on, agreed_on + 28, by_name, agreed_on + time '15:00'
from gb order by id;
insert into boundary_holder (boundary_id, family_member_id)
select b.id, m.id from gb b join family_member m on m.family_id = b.family_id
where m.position = 0 or (m.position = 1 and (b.id * 7919) % 100 < 40)
order by b.id, m.id;
insert into boundary_wording (boundary_id, wording, consequence, written_by, written_at)
select id, wording, consequence, by_name, agreed_on + time '15:00' from gb order by id;

create temp table gbr as
select nextval(pg_get_serial_sequence('boundary_review', 'id')) as id, y.*
from (
    select b.id as boundary_id, n.id as note_id, (a.starts_at at time zone '${zone}')::date as session_day,
        n.author_id, n.signed_at, b.agreed_on,
        case when r.u < 0.75 then 'KEPT' when r.u < 0.93 then 'BROKEN' else 'CHANGED' end as outcome,
        row_number() over (partition by b.id order by a.starts_at) as seq
    from gb b join session_note n on n.family_id = b.family_id and n.status <> 'DRAFT'
    join appointment a on a.id = n.appointment_id
    cross join lateral (select random() as u, random() as take where n.id is not null) r
    where (a.starts_at at time zone '${zone}')::date > b.agreed_on and r.take < 0.7
    order by b.id, a.starts_at) y;
alter table gbr add column next_review_on date, add column previous_review_on date;
update gbr set next_review_on = session_day + case when outcome = 'BROKEN' then 14 else 28 end;
update gbr r set previous_review_on = coalesce(p.next_review_on, r.agreed_on + 28) from gbr r2
left join gbr p on p.boundary_id = r2.boundary_id and p.seq = r2.seq - 1
where r2.id = r.id;
insert into boundary_review (id, boundary_id, note_id, session_day, outcome, what_happened, next_review_on,
    previous_review_on, reviewer_id, reviewed_at)
select id, boundary_id, note_id, session_day, outcome,
    case outcome when 'BROKEN' then pg_temp.pick(array['Gave in once when he was sick and asking.',
            'He came home late twice and we let him in.', 'Found a used needle in the bathroom.',
            'Paid his phone bill so we could reach him.'])
        when 'CHANGED' then 'The family wanted a consequence it can keep.' end,
    next_review_on, previous_review_on, author_id, signed_at
from gbr order by id;
insert into boundary_wording (boundary_id, wording, consequence, written_by, written_at, review_id)
select r.boundary_id, b.wording, b.consequence || ' We talk about it the next calm day.', s.display_name, r.signed_at,
    r.id
from gbr r join gb b on b.id = r.boundary_id join staff_member s on s.id = r.author_id
where r.outcome = 'CHANGED' order by r.id;
update boundary b set consequence = w.consequence from (
    select distinct on (boundary_id) boundary_id, consequence from boundary_wording
    where boundary_id in (select id from gb) order by boundary_id, written_at desc, id desc) w
where w.boundary_id = b.id;
update boundary b set review_on = last.next_review_on from (
    select distinct on (boundary_id) boundary_id, next_review_on, session_day from gbr
    order by boundary_id, seq desc) last
where last.boundary_id = b.id;
-- a few no longer held: retired after their last review, never in the future
update boundary b set retired_on = least(${today}::date, b.review_on - 7), retired_reason = 'He moved out; the family set new ones.',
    retired_by = g.by_name
from gb g where g.id = b.id and (b.id * 104729) % 100 < 6 and b.review_on - 7 > b.agreed_on;
analyze boundary;
analyze boundary_review;

-- ===== end of issue 25, boundaries =====


-- ===== issue 25, wellbeing: PHQ-9 and GAD-7 of participating members, with realistic trajectories =====
-- (this part's statements go between this line and its end line; every other part has its own section)
-- Participating members of the families opened in the last year and a half answer a PHQ-9 and a GAD-7 at intake
-- (the family's opening day), then about every 4 weeks until the family closed or today (at most 12 times; families
-- still in intake only their intake measure). Mostly mild or moderate at intake; 60% improve a point or two a month,
-- a quarter stay flat, the rest worsen; a very few PHQ-9 answer item 9 above 0, which raised the family's flag
-- (lowered a few days later by the counselor, unless it was raised in the last two weeks).
create function pg_temp.answers(total int, n int, shift int) returns text language sql immutable as $$
    select string_agg((total / n + case when ((p + shift) % n) < total % n then 1 else 0 end)::text, '' order by p)
    from generate_series(0, n - 1) p
$$;
create function pg_temp.band(instrument text, total int) returns text language sql immutable as $$
    select case when total < 5 then 'MINIMAL' when total < 10 then 'MILD' when total < 15 then 'MODERATE'
        when instrument = 'GAD7' then 'SEVERE' when total < 20 then 'MODERATELY_SEVERE' else 'SEVERE' end
$$;
create temp table gwm as
select m.id as member_id, gf.family_id, gf.i, gf.opened_on, gf.status,
    coalesce(gf.closed_on, ${today}::date) as until_day, c.username,
    case when x.r_base < 0.15 then 1 + floor(x.r_size * 4)::int
         when x.r_base < 0.87 then 5 + floor(x.r_size * 10)::int
         else 15 + floor(x.r_size * 8)::int end as phq_base,
    case when x.r_path < 0.6 then -(0.6 + x.r_slope * 1.2) when x.r_path < 0.85 then 0.0
         else 0.4 + x.r_slope * 0.8 end as slope,
    floor(x.r_gad * 5)::int - 3 as gad_offset
from family_member m join gf on gf.family_id = m.family_id join gc c on c.id = gf.counselor_id
cross join lateral (select random() as r_base, random() as r_size, random() as r_path, random() as r_slope,
    random() as r_gad, 0 * m.id as z) x
where m.participates and gf.opened_on > ${today}::date - 540
order by gf.i, m.position;
create temp table gwv as
select w.member_id, w.family_id, w.username, v.k, v.taken_on, v.tablet,
    greatest(0, least(24, round(w.phq_base + w.slope * v.k + v.noise_p)::int)) as phq,
    greatest(0, least(21, round(w.phq_base * 0.8 + w.gad_offset + w.slope * 0.9 * v.k + v.noise_g)::int)) as gad,
    v.r_harm, v.shift
from gwm w cross join lateral (
    select k, least(w.until_day, w.opened_on + k * 28 + case when k = 0 then 0 else pg_temp.between(-3, 5) end)
            as taken_on,
        random() < 0.3 as tablet, case when k = 0 then 0 else random() * 4 - 2 end as noise_p,
        case when k = 0 then 0 else random() * 4 - 2 end as noise_g, random() as r_harm,
        pg_temp.between(0, 6) as shift
    from generate_series(0, case when w.status = 'INTAKE' then 0 else 12 end) k
    where w.opened_on + k * 28 <= w.until_day) v
order by w.i, w.member_id, v.k;
-- item 9 above 0: about 1 in 150 PHQ-9 totalling 12 or more
alter table gwv add column self_harm boolean;
update gwv set self_harm = phq >= 12 and r_harm < 0.007;
insert into wellbeing_measure (family_id, member_id, instrument, taken_on, answers, difficulty, total, band,
    self_harm, occasion, taken_by, entered_by, entered_at)
select family_id, member_id, 'PHQ9', taken_on,
    case when self_harm then pg_temp.answers(phq - 1, 8, shift) || '1' else pg_temp.answers(phq, 8, shift) || '0' end,
    case when phq >= 5 then least(3, phq / 7) end, phq, pg_temp.band('PHQ9', phq), self_harm,
    case when k = 0 then 'INTAKE' else 'FOLLOW_UP' end, case when tablet then 'TABLET' else 'WITH_COUNSELOR' end,
    username, pg_temp.clinic_time(taken_on, 20)
from gwv order by family_id, member_id, k;
insert into wellbeing_measure (family_id, member_id, instrument, taken_on, answers, total, band, self_harm, occasion,
    taken_by, entered_by, entered_at)
select family_id, member_id, 'GAD7', taken_on, pg_temp.answers(gad, 7, shift), gad, pg_temp.band('GAD7', gad), false,
    case when k = 0 then 'INTAKE' else 'FOLLOW_UP' end, case when tablet then 'TABLET' else 'WITH_COUNSELOR' end,
    username, pg_temp.clinic_time(taken_on, 20)
from gwv order by family_id, member_id, k;
insert into safety_flag_raise (family_id, reason, source, raised_by, raised_at, lowered_by, lowered_at, lowered_note)
select family_id, 'MEMBER_SELF_HARM', 'PHQ-9 of ' || taken_on, username, pg_temp.clinic_time(taken_on, 20),
    case when taken_on < ${today}::date - 14 then username end,
    case when taken_on < ${today}::date - 14 then pg_temp.clinic_time(taken_on + 3, 8) end,
    case when taken_on < ${today}::date - 14
         then 'Asked about safety the same day; no plan or intent; crisis line given. Followed up by phone.' end
from gwv where self_harm order by family_id, member_id, k;
analyze wellbeing_measure;

-- ===== end of issue 25, wellbeing =====


-- ===== issue 25, resources: the community-resource directory and the resources given to families =====
-- (this part's statements go between this line and its end line; every other part has its own section)
-- The region's community-resource directory: the two real national lines (988 and SAMHSA's National Helpline), the
-- real online meetings of the family fellowships, and made-up local meetings, pick-up points and groups in two
-- towns each (fictional 555 numbers; the fellowships' own websites). About one in six not confirmed for 180 days,
-- one retired. Then resources given on about half the active families, one to four each, mostly family mutual-help
-- groups and naloxone pick-up, since the family's opening, by the family's counselor, to a member or to the family.
create temp table grd (name text, kind text, description text, address text, website text, hours text,
    setting text, languages text[]);
insert into grd values
    ('988 Suicide & Crisis Lifeline', 'CRISIS_LINE', 'Call or text 988, or chat online: free, confidential, at any hour.',
        null, 'https://988lifeline.org', '24 hours, every day', 'ONLINE', array['en', 'es']),
    ('SAMHSA National Helpline', 'OTHER', 'Free, confidential referral and information at any hour, in English and Spanish.',
        null, 'https://www.samhsa.gov/find-help/helplines/national-helpline', '24 hours, every day', 'ONLINE',
        array['en', 'es']),
    ('Al-Anon electronic meetings', 'ONLINE_MEETING', 'Al-Anon meetings by phone and online, many each day.',
        null, 'https://al-anon.org', 'Many times each day', 'ONLINE', array['en', 'es']),
    ('Nar-Anon virtual meetings', 'ONLINE_MEETING', 'Nar-Anon meetings online for families and friends.',
        null, 'https://www.nar-anon.org', 'Every day; see the schedule', 'ONLINE', array['en', 'es']),
    ('SMART Recovery Family & Friends online', 'ONLINE_MEETING', 'Science-based meetings for families, with CRAFT tools.',
        null, 'https://smartrecovery.org/family', 'Several meetings a week', 'ONLINE', array['en']),
    ('Learn to Cope online community', 'ONLINE_MEETING', 'Peer support for parents and families, online forum and meetings.',
        null, 'https://www.learn2cope.org', 'Forum at any hour; meetings weekly', 'ONLINE', array['en']);
insert into grd
select t.name || ' - ' || c.city, t.kind, t.description,
    pg_temp.between(10, 899) || ' ' || t.street || ', ' || c.city, t.website, t.hours, t.setting, t.languages
from (values
    ('Al-Anon Tuesday Night Hope Group', 'FAMILY_MUTUAL_HELP', 'Al-Anon meeting for families and friends.',
        'Church St', 'https://al-anon.org', 'Tuesdays 7:00-8:30 pm', 'IN_PERSON', array['en']),
    ('Al-Anon Grupo Esperanza', 'FAMILY_MUTUAL_HELP', 'Reunión de Al-Anon en español.',
        'Union St', 'https://al-anon.org', 'Thursdays 7:00 pm', 'IN_PERSON', array['es']),
    ('Nar-Anon Serenity Group', 'FAMILY_MUTUAL_HELP', 'Nar-Anon meeting for families and friends.',
        'Main St', 'https://www.nar-anon.org', 'Mondays 6:30-8:00 pm', 'IN_PERSON', array['en']),
    ('SMART Recovery Family & Friends', 'FAMILY_MUTUAL_HELP', 'Weekly meeting using CRAFT tools; online too.',
        'Washington Ave', 'https://smartrecovery.org/family', 'Wednesdays 6:00-7:30 pm', 'BOTH', array['en']),
    ('Learn to Cope parents'' meeting', 'FAMILY_MUTUAL_HELP', 'Support meeting for parents, naloxone training on site.',
        'Central Ave', 'https://www.learn2cope.org', 'Every other Tuesday 7:00 pm', 'IN_PERSON', array['en']),
    ('NA Just for Today Group', 'LOVED_ONE_MUTUAL_HELP', 'Narcotics Anonymous open meeting.',
        'State St', 'https://na.org', 'Daily 12:00 pm', 'IN_PERSON', array['en']),
    ('AA Morning Serenity', 'LOVED_ONE_MUTUAL_HELP', 'Alcoholics Anonymous open meeting.',
        'River Rd', 'https://www.aa.org', 'Mon-Sat 7:00 am', 'IN_PERSON', array['en', 'es']),
    ('SMART Recovery meeting', 'LOVED_ONE_MUTUAL_HELP', 'Self-management and recovery training meeting.',
        'Market St', 'https://smartrecovery.org', 'Fridays 5:30 pm', 'BOTH', array['en']),
    ('Naloxone pick-up at the county health department', 'NALOXONE_PICKUP', 'Free naloxone kits, no questions asked; training in 10 minutes.',
        'Lark St', null, 'Mon-Fri 9:00 am-4:00 pm', 'IN_PERSON', array['en', 'es']),
    ('Community pharmacy naloxone', 'NALOXONE_PICKUP', 'Naloxone without a prescription at the counter.',
        'Broadway', null, 'Every day 8:00 am-9:00 pm', 'IN_PERSON', array['en', 'es']),
    ('Harm reduction drop-in', 'SYRINGE_SERVICES', 'Syringe services, test strips, naloxone and a place to talk.',
        'Delaware Ave', null, 'Tue, Thu, Sat 10:00 am-3:00 pm', 'IN_PERSON', array['en', 'es']),
    ('Parents'' support circle at St. Mark''s', 'FAITH_OR_COMMUNITY', 'Faith-based support group, open to all.',
        'Western Ave', null, 'Sundays 4:00 pm', 'IN_PERSON', array['en']),
    ('Family resource center', 'FAITH_OR_COMMUNITY', 'Childcare help, food pantry and a parents'' group.',
        'Church St', null, 'Mon-Fri 10:00 am-6:00 pm', 'IN_PERSON', array['en', 'es']),
    ('Mobile crisis team', 'CRISIS_LINE', 'County mobile crisis team: comes to the home.',
        'State St', null, '24 hours, every day', 'IN_PERSON', array['en', 'es']),
    ('Nar-Anon Saturday Morning Group', 'FAMILY_MUTUAL_HELP', 'Nar-Anon meeting; newcomers welcome.',
        'Main St', 'https://www.nar-anon.org', 'Saturdays 10:00 am', 'IN_PERSON', array['en']),
    ('Al-Anon Newcomers'' Meeting', 'FAMILY_MUTUAL_HELP', 'Al-Anon meeting for those new to it.',
        'Church St', 'https://al-anon.org', 'Sundays 6:00 pm', 'IN_PERSON', array['en']),
    ('Grandparents raising grandchildren', 'FAITH_OR_COMMUNITY', 'Support group for grandparents caring for children.',
        'Union St', null, 'First Monday of the month, 1:00 pm', 'IN_PERSON', array['en', 'es'])
) t(name, kind, description, street, website, hours, setting, languages)
cross join (values ('Albany'), ('Troy')) c(city);
create temp table grr as
select row_number() over (order by name) as i, g.*, random() as u_stale from grd g order by name;
insert into community_resource (name, kind, description, address, phone, website, hours, setting, confirmed_on,
    active, created_by, created_at, updated_by, updated_at)
select name, kind, description, address,
    case when name = '988 Suicide & Crisis Lifeline' then '988'
         when name = 'SAMHSA National Helpline' then '1-800-662-4357'
         when address is null then null
         else '(518) 555-' || lpad((100 + i * 37)::text, 4, '0') end,
    website, hours, setting,
    case when u_stale < 0.17 and address is not null then ${today}::date - pg_temp.between(181, 420)
         else ${today}::date - pg_temp.between(0, 170) end,
    name not like 'Community pharmacy naloxone - Troy',
    'sam', ${today}::date - 430 + time '10:00', 'sam', ${today}::date - 30 + time '10:00'
from grr order by i;
insert into community_resource_language (resource_id, language)
select r.id, l.language from community_resource r join grr on grr.name = r.name
cross join lateral unnest(grr.languages) l(language) order by r.id, l.language;
create temp table grv as
select id, kind, row_number() over (partition by kind order by id) - 1 as k, count(*) over (partition by kind) as n
from community_resource where active;
analyze grv;
create temp table grg as
select gf.family_id, gf.opened_on, c.username, g.n, random() as u_kind, random() as u_pick, random() as u_member,
    random() as u_day, random() as u_how
from gf join gc c on c.id = gf.counselor_id and c.program_id = gf.program_id
cross join lateral (select gs as n from generate_series(1, 4) gs where gs <= 1 + (gf.family_id * 7 + gf.i) % 4
    and gf.family_id is not null) g
where gf.status = 'ACTIVE' and (gf.i * 31 + 7) % 100 < 50;
insert into resource_gift (family_id, resource_id, member_id, given_on, given_how, given_by, recorded_at)
select g.family_id, v.id,
    case when g.u_member < 0.6 then (select m.id from family_member m where m.family_id = g.family_id
        order by m.position limit 1) end,
    d.on_day,
    case when g.u_how < 0.75 then 'IN_SESSION' when g.u_how < 0.9 then 'EMAIL' else 'PHONE' end,
    g.username, d.on_day + time '15:30'
from grg g
cross join lateral (select case when g.u_kind < 0.5 then 'FAMILY_MUTUAL_HELP' when g.u_kind < 0.78 then 'NALOXONE_PICKUP'
    when g.u_kind < 0.86 then 'ONLINE_MEETING' when g.u_kind < 0.93 then 'CRISIS_LINE'
    else 'LOVED_ONE_MUTUAL_HELP' end as kind,
    greatest(g.opened_on, ${today}::date - 400)
        + floor(g.u_day * greatest(${today}::date - greatest(g.opened_on, ${today}::date - 400), 0))::int as on_day) d
join grv v on v.kind = d.kind and v.k = floor(g.u_pick * v.n)::int
order by g.family_id, g.n;

-- ===== end of issue 25, resources =====


-- ===== issue 25, education: the education topics covered in session notes =====
-- (this part's statements go between this line and its end line; every other part has its own section)
-- Overdose signs and naloxone early in most families (their first or second signed note), now and then again
-- later; each other topic in about one later note in ten. A signed note's parts are final (the trigger refuses
-- them): written here as the table's owner, inside the transaction.
alter table note_education_topic disable trigger note_education_topic_final;
insert into note_education_topic (note_id, topic)
select n.id, t.topic
from (select id, row_number() over (partition by family_id order by created_at, id) as k
    from session_note where status <> 'DRAFT' and family_id in (select family_id from gf)) n
cross join lateral (select v.topic from (values ('OVERDOSE_NALOXONE'), ('WITHDRAWAL'), ('MEDICATIONS'),
        ('LEVELS_OF_CARE'), ('RETURN_TO_USE'), ('SELF_CARE')) v (topic)
    where case when v.topic = 'OVERDOSE_NALOXONE'
        then (n.k = 1 and random() < 0.8) or (n.k = 2 and random() < 0.5) or (n.k > 2 and random() < 0.03)
        else n.k > 1 and random() < 0.1 end) t
order by n.id, t.topic;
alter table note_education_topic enable trigger note_education_topic_final;

-- ===== end of issue 25, education =====


-- ===== issue 26, messages: reminders sent, their links and answers, members who stopped messages =====
-- Only what is past: nothing is left pending, so a server started on this data sends nothing it did not cause.
-- One in 25 of the members who may be messaged stopped messages by the link in one.
insert into message_choice (member_id, opted_out, changed_at, changed_by, member_word)
select m.id, true, (${today}::date - (1 + floor(random() * 60))::int) + time '19:00', 'link', null
from (select id, row_number() over (order by id) as k from family_member
    where family_id in (select family_id from gf) and email is not null and safe_to_mail and participates) m
where m.k % 25 = 1
order by m.id;

-- The reminders of the last 60 days' sessions to the family's first member (48 hours and 2 hours before; none for a
-- lead passed when the session was booked): sent, or withdrawn when the session was cancelled.
insert into outbox_message (kind, status, family_id, member_id, subject_type, subject_id, about_at, lead_minutes,
    due_at, attempts, next_attempt_at, created_at, sent_at, closed_at, closed_reason)
select 'SESSION_REMINDER', case when a.status like 'CANCELLED%' then 'WITHDRAWN' else 'SENT' end,
    a.family_id, m.id, 'Appointment', a.id, a.starts_at, l.lead, a.starts_at - make_interval(mins => l.lead),
    case when a.status like 'CANCELLED%' then 0 else 1 end, a.starts_at - make_interval(mins => l.lead), a.booked_at,
    case when a.status not like 'CANCELLED%' then a.starts_at - make_interval(mins => l.lead) end,
    case when a.status like 'CANCELLED%' then least(coalesce(a.cancelled_at, a.starts_at), a.starts_at) end,
    case when a.status like 'CANCELLED%' then 'the session was cancelled' end
from appointment a
join family_member m on m.family_id = a.family_id and m.position = 0 and m.email is not null and m.safe_to_mail
    and m.participates
cross join (values (2880), (120)) l (lead)
where a.family_id in (select family_id from gf) and a.starts_at < now() and a.starts_at >= now() - interval '60 days'
    and a.booked_at < a.starts_at - make_interval(mins => l.lead)
    and not exists (select 1 from message_choice c where c.member_id = m.id and c.opted_out)
order by a.id, l.lead desc;

-- Each sent reminder's two links (only a hash is kept): about a third of the members tapped "I'll be there".
insert into message_link (message_id, purpose, token_hash, created_at, expires_at, used_at, outcome)
select o.id, p.purpose, md5(random()::text || o.id || p.purpose) || md5(random()::text), o.sent_at, o.about_at,
    case when p.purpose = 'CONFIRM' and o.r < 0.35 then o.sent_at + interval '20 minutes' end,
    case when p.purpose = 'CONFIRM' and o.r < 0.35 then 'confirmed' end
from (select id, sent_at, about_at, random() as r from outbox_message
    where status = 'SENT' and kind = 'SESSION_REMINDER' and family_id in (select family_id from gf)) o
cross join (values ('CONFIRM'), ('CANT_COME')) p (purpose)
order by o.id, p.purpose;

insert into appointment_answer (appointment_id, member_id, starts_at, answer, answered_at)
select o.subject_id, o.member_id, o.about_at, 'CONFIRMED', min(l.used_at)
from message_link l join outbox_message o on o.id = l.message_id
where l.outcome = 'confirmed' and o.family_id in (select family_id from gf)
group by o.subject_id, o.member_id, o.about_at
order by o.subject_id, o.member_id;

-- Answers to the last 30 days' group meetings by about three in ten seated members who may be messaged.
insert into meeting_answer (group_id, member_id, starts_at, answer, answered_at)
select gs.group_id, e.family_member_id, gs.starts_at, case when random() < 0.85 then 'CONFIRMED' else 'CANT_COME' end,
    gs.starts_at - interval '90 minutes'
from group_session gs
join group_enrollment e on e.group_id = gs.group_id and e.status = 'ENROLLED'
join family_member m on m.id = e.family_member_id and m.email is not null and m.safe_to_mail
where gs.status = 'SCHEDULED' and gs.starts_at < now() and gs.starts_at >= now() - interval '30 days'
    and m.family_id in (select family_id from gf) and random() < 0.3
order by gs.group_id, gs.starts_at, e.family_member_id;

-- ===== end of issue 26, messages =====


-- The audit trail follows (SyntheticAuditTrail, in Java: chained with the application's hashing, copied in),
-- then every table is analyzed.
