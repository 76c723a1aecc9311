-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE sprint_goal_status RENAME TO sprint_goal_status_old;
CREATE TYPE sprint_goal_status AS ENUM ('open', 'in_review', 'resolved');
ALTER TABLE sprint_goals ALTER COLUMN status DROP DEFAULT;
ALTER TABLE sprint_goals ALTER COLUMN status TYPE sprint_goal_status USING status::text::sprint_goal_status;
ALTER TABLE sprint_goals ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE sprint_goal_status_old;
