-- A loved one's stages of change over time (the family record, the episode timeline) are read by loved one:
-- through an index, not the whole table of every note's stages.
create index note_loved_one_stage_loved_one_idx on note_loved_one_stage (loved_one_id);
