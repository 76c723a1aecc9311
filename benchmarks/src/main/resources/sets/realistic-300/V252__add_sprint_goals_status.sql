CREATE TYPE sprint_goal_status AS ENUM ('open', 'in_review', 'resolved');

ALTER TABLE sprint_goals ADD COLUMN status sprint_goal_status NOT NULL DEFAULT 'open';
