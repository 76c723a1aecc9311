ALTER TABLE orders ADD COLUMN note varchar(${note_length});
