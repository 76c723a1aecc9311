ALTER TABLE customers DROP COLUMN state;
DROP TYPE customer_status;
