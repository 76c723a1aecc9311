DROP VIEW tasks_overview;
