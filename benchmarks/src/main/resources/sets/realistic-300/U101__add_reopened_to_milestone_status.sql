-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE milestone_status RENAME TO milestone_status_old;
CREATE TYPE milestone_status AS ENUM ('open', 'in_review', 'resolved');
ALTER TABLE milestones ALTER COLUMN status DROP DEFAULT;
ALTER TABLE milestones ALTER COLUMN status TYPE milestone_status USING status::text::milestone_status;
ALTER TABLE milestones ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE milestone_status_old;
