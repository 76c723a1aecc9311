DROP FUNCTION milestones_open_count(bigint);
