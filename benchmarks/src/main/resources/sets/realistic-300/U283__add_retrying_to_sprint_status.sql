-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE sprint_status RENAME TO sprint_status_old;
CREATE TYPE sprint_status AS ENUM ('pending', 'running', 'done', 'failed');
ALTER TABLE sprints ALTER COLUMN status DROP DEFAULT;
ALTER TABLE sprints ALTER COLUMN status TYPE sprint_status USING status::text::sprint_status;
ALTER TABLE sprints ALTER COLUMN status SET DEFAULT 'pending';
DROP TYPE sprint_status_old;
