-- Waitlist seats offered with a deadline (issue 26): when a seat frees, the first on the waitlist is offered it
-- until offer_expires_at (HEARTH_SEAT_OFFER_HOURS after offered_at); they take it, say "no thanks", or let it pass.
-- left_reason says why a member left: the front desk or a facilitator took them off (LEFT), they declined the seat
-- offered (DECLINED_OFFER), or they let the offer pass its deadline (OFFER_EXPIRED). Rows that left before this
-- migration keep no reason.
alter table group_enrollment
    add column offered_at        timestamptz,
    add column offer_expires_at  timestamptz,
    add column left_reason       varchar(16)
        check (left_reason in ('LEFT', 'DECLINED_OFFER', 'OFFER_EXPIRED'));

-- An offer out always has its deadline (offers made before this migration get 48 hours from now).
update group_enrollment
   set offered_at = now(), offer_expires_at = now() + interval '48 hours'
 where status = 'OFFERED';
alter table group_enrollment
    add constraint group_enrollment_offer_deadline_ck
        check (status <> 'OFFERED' or (offered_at is not null and offer_expires_at is not null));

-- The expiry looks for offers past their deadline every minute.
create index group_enrollment_offer_expires_idx on group_enrollment (offer_expires_at) where status = 'OFFERED';
