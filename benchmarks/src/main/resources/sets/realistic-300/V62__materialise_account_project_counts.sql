CREATE MATERIALIZED VIEW account_project_counts AS
SELECT a.id AS account_id,
       count(p.id) AS projects
FROM accounts a
LEFT JOIN teams t ON t.account_id = a.id
LEFT JOIN projects p ON p.team_id = t.id
GROUP BY a.id
WITH NO DATA;

CREATE UNIQUE INDEX account_project_counts_account_idx ON account_project_counts (account_id);
