-- restores the column, not its values
ALTER TABLE accounts ADD COLUMN note text;
