DROP TABLE sprint_goals;
