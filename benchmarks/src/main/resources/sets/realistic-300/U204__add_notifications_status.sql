ALTER TABLE notifications DROP COLUMN status;
DROP TYPE notification_status;
