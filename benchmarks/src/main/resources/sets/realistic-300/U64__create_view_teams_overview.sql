DROP VIEW teams_overview;
