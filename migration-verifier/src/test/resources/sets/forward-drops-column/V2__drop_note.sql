-- the notes are gone for good: no undo can bring them back
ALTER TABLE accounts DROP COLUMN note;
