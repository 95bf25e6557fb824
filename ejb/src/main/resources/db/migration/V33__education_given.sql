-- The family's own plan and wellbeing (issue 25), part: education given. A session note's checklist of topics
-- taught (org.hearth.education.EducationTopic); part of the note's content, so final once the note is signed
-- (the V9 trigger of a note's parts) and covered by its content hash.
create table note_education_topic (
    note_id  bigint       not null references session_note (id),
    topic    varchar(32)  not null
        check (topic in ('OVERDOSE_NALOXONE', 'WITHDRAWAL', 'MEDICATIONS', 'LEVELS_OF_CARE', 'RETURN_TO_USE',
                         'SELF_CARE')),
    primary key (note_id, topic)
);
create trigger note_education_topic_final before insert or update or delete on note_education_topic
    for each row execute function note_part_of_signed_is_final();
