ALTER TABLE api_keys ALTER COLUMN sort_order TYPE integer;
