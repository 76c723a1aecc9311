ALTER TABLE sprints DROP COLUMN status;
DROP TYPE sprint_status;
