DROP FUNCTION task_comments_open_count(bigint);
