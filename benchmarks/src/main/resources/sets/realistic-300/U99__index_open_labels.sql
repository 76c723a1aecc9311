DROP INDEX labels_open_project_idx;
