ALTER TABLE task_comments DROP COLUMN status;
DROP TYPE task_comment_status;
