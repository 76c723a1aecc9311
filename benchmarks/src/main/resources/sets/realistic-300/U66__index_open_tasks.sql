DROP INDEX tasks_open_project_idx;
