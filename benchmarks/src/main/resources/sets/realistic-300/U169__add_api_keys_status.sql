ALTER TABLE api_keys DROP COLUMN status;
DROP TYPE api_key_status;
