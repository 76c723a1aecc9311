DROP VIEW attachments_overview;
