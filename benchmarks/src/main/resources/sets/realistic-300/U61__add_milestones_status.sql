ALTER TABLE milestones DROP COLUMN status;
DROP TYPE milestone_status;
