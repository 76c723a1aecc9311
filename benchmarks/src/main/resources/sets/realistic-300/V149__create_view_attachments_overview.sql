CREATE VIEW attachments_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS task_id,
       p.title AS task_name
FROM attachments_active a
JOIN tasks p ON p.id = a.task_id;
