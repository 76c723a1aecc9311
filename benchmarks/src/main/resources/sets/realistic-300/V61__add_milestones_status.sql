CREATE TYPE milestone_status AS ENUM ('open', 'in_review', 'resolved');

ALTER TABLE milestones ADD COLUMN status milestone_status NOT NULL DEFAULT 'open';
