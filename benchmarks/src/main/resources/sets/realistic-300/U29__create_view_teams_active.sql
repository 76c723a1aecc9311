DROP VIEW teams_active;
