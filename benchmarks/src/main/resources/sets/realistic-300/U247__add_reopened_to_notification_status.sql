-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE notification_status RENAME TO notification_status_old;
CREATE TYPE notification_status AS ENUM ('open', 'in_review', 'resolved');
ALTER TABLE notifications ALTER COLUMN status DROP DEFAULT;
ALTER TABLE notifications ALTER COLUMN status TYPE notification_status USING status::text::notification_status;
ALTER TABLE notifications ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE notification_status_old;
