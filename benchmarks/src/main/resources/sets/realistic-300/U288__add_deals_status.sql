ALTER TABLE deals DROP COLUMN status;
DROP TYPE deal_status;
