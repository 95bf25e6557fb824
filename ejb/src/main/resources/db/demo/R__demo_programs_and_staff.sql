-- Demo data for the local stack only (HEARTH_DEMO_DATA=true): two programs and the demo users'
-- staff records with their program membership. Safe to rerun; never runs in production.

insert into program (name) values ('Family Recovery Program'), ('Programa Familias en Recuperación')
on conflict (name) do nothing;

insert into staff_member (username, display_name, email, roles) values
    ('frida', 'Frida Moreno', 'frida@hearth.example', 'front-desk'),
    ('carlos', 'Carlos Rivera', 'carlos@hearth.example', 'counselor'),
    ('cora', 'Cora Jensen', 'cora@hearth.example', 'counselor'),
    ('sam', 'Sam Okafor', 'sam@hearth.example', 'supervisor'),
    ('sofia', 'Sofia Marin', 'sofia@hearth.example', 'counselor,supervisor'),
    ('ada', 'Ada Kowalski', 'ada@hearth.example', 'admin')
on conflict (username) do nothing;

insert into staff_program (staff_member_id, program_id)
select s.id, p.id
from staff_member s
join program p on (p.name = 'Family Recovery Program' and s.username in ('frida', 'carlos', 'cora', 'sam', 'sofia'))
               or (p.name = 'Programa Familias en Recuperación' and s.username in ('frida', 'sofia'))
on conflict do nothing;

insert into room (name, capacity) values ('Room 1', 6), ('Room 2', 6), ('Group room', 16)
on conflict (name) do nothing;
