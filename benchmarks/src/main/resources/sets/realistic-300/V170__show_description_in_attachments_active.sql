CREATE OR REPLACE VIEW attachments_active AS
SELECT t.id,
       t.task_id,
       t.name,
       t.created_at,
       t.description
FROM attachments t
WHERE t.archived_at IS NULL;
