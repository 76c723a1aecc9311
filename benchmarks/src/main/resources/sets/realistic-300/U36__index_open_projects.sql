DROP INDEX projects_open_team_idx;
