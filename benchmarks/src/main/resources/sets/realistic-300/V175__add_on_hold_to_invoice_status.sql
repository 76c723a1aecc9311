ALTER TYPE invoice_status ADD VALUE 'on_hold' AFTER 'active';
