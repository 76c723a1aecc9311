DROP MATERIALIZED VIEW account_project_counts;
