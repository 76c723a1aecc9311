ALTER TYPE notification_status ADD VALUE 'reopened' AFTER 'in_review';
