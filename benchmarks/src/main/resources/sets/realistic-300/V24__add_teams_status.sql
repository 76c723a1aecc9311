CREATE TYPE team_status AS ENUM ('open', 'in_review', 'resolved');

ALTER TABLE teams ADD COLUMN status team_status NOT NULL DEFAULT 'open';
