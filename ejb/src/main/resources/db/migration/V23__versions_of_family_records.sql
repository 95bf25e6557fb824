-- No lost update on the family side (issue 23): every row a person can change carries a version that each change
-- checks, so a save made from an older reading is refused instead of silently overwriting someone else's. A
-- member and a loved one are changed only as part of their family's record and intake, whose versions the callers
-- name; their own version lets the database refuse two writers of the same row that slipped past that check.
-- A consent (revoked), an assignment (ended), an emergency access (ended, reviewed) and an episode event (voided)
-- are changed on their own. Existing rows start at version 0; no new table, no new grant (V13 covers update).
alter table family_member add column version bigint not null default 0;
alter table loved_one add column version bigint not null default 0;
alter table consent add column version bigint not null default 0;
alter table family_assignment add column version bigint not null default 0;
alter table emergency_access add column version bigint not null default 0;
alter table episode_event add column version bigint not null default 0;

-- An episode event stays append-only (V12): voiding it once, with a reason, is still its only change, and now moves
-- its version with it.
create or replace function episode_event_is_final() returns trigger language plpgsql as $$
declare
    voiding text[] := array['voided_by', 'voided_at', 'void_reason', 'version'];
begin
    if tg_op = 'DELETE' then
        raise exception 'episode event % cannot be deleted: void it with a reason', old.id;
    end if;
    if old.voided_at is not null
            or (to_jsonb(new) - voiding) is distinct from (to_jsonb(old) - voiding) then
        raise exception 'episode event % cannot be changed: only voided once, with a reason', old.id;
    end if;
    return new;
end $$;
