DROP VIEW attachments_overview;
DROP VIEW attachments_active;
CREATE VIEW attachments_active AS
SELECT t.id,
       t.task_id,
       t.name,
       t.created_at
FROM attachments t
WHERE t.archived_at IS NULL;
CREATE VIEW attachments_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS task_id,
       p.title AS task_name
FROM attachments_active a
JOIN tasks p ON p.id = a.task_id;
