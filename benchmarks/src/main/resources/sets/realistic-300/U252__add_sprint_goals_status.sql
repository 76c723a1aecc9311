ALTER TABLE sprint_goals DROP COLUMN status;
DROP TYPE sprint_goal_status;
