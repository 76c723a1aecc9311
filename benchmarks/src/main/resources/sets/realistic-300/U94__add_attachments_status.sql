ALTER TABLE attachments DROP COLUMN status;
DROP TYPE attachment_status;
