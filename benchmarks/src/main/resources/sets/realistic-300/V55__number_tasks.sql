CREATE SEQUENCE task_number_seq AS bigint START WITH 1000;
ALTER TABLE tasks ADD COLUMN number bigint NOT NULL DEFAULT nextval('task_number_seq');
ALTER SEQUENCE task_number_seq OWNED BY tasks.number;
ALTER TABLE tasks ADD CONSTRAINT tasks_number_key UNIQUE (number);
