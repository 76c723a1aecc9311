CREATE TYPE notification_status AS ENUM ('open', 'in_review', 'resolved');

ALTER TABLE notifications ADD COLUMN status notification_status NOT NULL DEFAULT 'open';
