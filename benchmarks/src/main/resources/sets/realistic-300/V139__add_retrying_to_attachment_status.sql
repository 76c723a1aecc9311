ALTER TYPE attachment_status ADD VALUE 'retrying' AFTER 'done';
