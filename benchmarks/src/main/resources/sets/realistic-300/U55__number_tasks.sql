ALTER TABLE tasks DROP CONSTRAINT tasks_number_key;
ALTER TABLE tasks DROP COLUMN number;
DROP SEQUENCE IF EXISTS task_number_seq;
