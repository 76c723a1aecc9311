ALTER TABLE teams DROP COLUMN status;
DROP TYPE team_status;
