DROP VIEW tasks_active;
