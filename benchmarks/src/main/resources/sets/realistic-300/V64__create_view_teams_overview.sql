CREATE VIEW teams_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS account_id,
       p.title AS account_name
FROM teams_active a
JOIN accounts p ON p.id = a.account_id;
