DROP INDEX sprints_open_project_idx;
