DROP VIEW sprint_goals_active;
