-- The family search finds a part of a family's name, a member's name or a phone number anywhere in it
-- (like '%...%'): trigram indexes answer that from the index at an agency's 50,000 families and their members,
-- where a b-tree cannot. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner
-- may create it.
create extension if not exists pg_trgm;
create index family_name_trgm_idx on family using gin (lower(family_name) gin_trgm_ops);
create index family_member_name_trgm_idx on family_member using gin (lower(full_name) gin_trgm_ops);
create index family_member_phone_trgm_idx on family_member using gin (phone_digits gin_trgm_ops)
    where phone_digits is not null;
