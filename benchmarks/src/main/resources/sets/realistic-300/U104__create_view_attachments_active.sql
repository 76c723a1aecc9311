DROP VIEW attachments_active;
