ALTER TYPE webhook_status ADD VALUE 'on_hold' AFTER 'active';
