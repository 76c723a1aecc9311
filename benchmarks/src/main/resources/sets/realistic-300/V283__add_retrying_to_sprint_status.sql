ALTER TYPE sprint_status ADD VALUE 'retrying' AFTER 'done';
