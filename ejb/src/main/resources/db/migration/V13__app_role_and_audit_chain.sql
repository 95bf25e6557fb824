-- The application's role (${appRole}) reads and writes rows; the role running the migrations owns the
-- schema. The application can then neither switch off the triggers that keep signed notes, episode events
-- and the audit trail final, nor change or delete audit entries.
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};
revoke update, delete, truncate on flyway_schema_history from ${appRole};

-- The audit trail is append-only for the application ...
revoke update, delete, truncate on audit_entry from ${appRole};

-- ... and hash-chained (ONC 170.315(d)(10)): every entry gets the next number of a gapless sequence, the
-- hash of the entry before it and its own hash over its content and that link, all set here, in the
-- database, under a lock on the chain's head - whatever the inserting session wrote into them. The head
-- keeps the last number and hash, so entries deleted at the end are detected too. AuditChain (Java)
-- recomputes the same hashes to verify the chain; the two encodings must stay the same.
alter table audit_entry
    add column seq       bigint,
    add column prev_hash varchar(64),
    add column hash      varchar(64);

create table audit_chain_head (
    id        integer  primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head values (1, 0, repeat('0', 64));
grant select on audit_chain_head to ${appRole};
revoke insert, update, delete, truncate on audit_chain_head from ${appRole};

-- One field: '~;' when null, else its length in UTF-8 bytes, ':', the text and ';'.
create function audit_field(value text) returns text language sql immutable as $$
    select case when value is null then '~;' else octet_length(value) || ':' || value || ';' end
$$;

create function audit_entry_hash(e audit_entry) returns varchar(64) language sql stable as $$
    select encode(sha256(convert_to(
        audit_field(e.seq::text)
        || audit_field((extract(epoch from e.occurred_at) * 1000000)::bigint::text)
        || audit_field(e.username)
        || audit_field(e.roles)
        || audit_field(e.action)
        || audit_field(e.entity_type)
        || audit_field(e.entity_id)
        || audit_field(e.family_id::text)
        || audit_field(e.client_address)
        || audit_field(e.outcome)
        || audit_field(e.reason)
        || audit_field(e.prev_hash::text), 'UTF8')), 'hex')
$$;

-- Runs as the owner (security definer): the application may read the head but not write it.
create function audit_entry_chain() returns trigger language plpgsql security definer
    set search_path = public as $$
declare
    head audit_chain_head;
begin
    select * into head from audit_chain_head where id = 1 for update;
    new.seq := head.last_seq + 1;
    new.prev_hash := head.last_hash;
    new.hash := audit_entry_hash(new);
    update audit_chain_head set last_seq = new.seq, last_hash = new.hash where id = 1;
    return new;
end
$$;

create function audit_entry_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are final: they are never changed or deleted';
end
$$;

-- The entries written before the chain, chained now in the order they were written.
do $$
declare
    entry audit_entry;
    head audit_chain_head;
begin
    for entry in select * from audit_entry order by id loop
        select * into head from audit_chain_head where id = 1;
        entry.seq := head.last_seq + 1;
        entry.prev_hash := head.last_hash;
        entry.hash := audit_entry_hash(entry);
        update audit_entry set seq = entry.seq, prev_hash = entry.prev_hash, hash = entry.hash where id = entry.id;
        update audit_chain_head set last_seq = entry.seq, last_hash = entry.hash where id = 1;
    end loop;
end
$$;

alter table audit_entry alter column seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null;
create unique index audit_entry_seq_idx on audit_entry (seq);

create trigger audit_entry_chain before insert on audit_entry
    for each row execute function audit_entry_chain();
create trigger audit_entry_final before update or delete on audit_entry
    for each row execute function audit_entry_is_final();
create trigger audit_entry_not_truncated before truncate on audit_entry
    for each statement execute function audit_entry_is_final();
create trigger audit_chain_head_final before delete or truncate on audit_chain_head
    for each statement execute function audit_entry_is_final();
