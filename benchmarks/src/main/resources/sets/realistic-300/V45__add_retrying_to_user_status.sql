ALTER TYPE user_status ADD VALUE 'retrying' AFTER 'done';
