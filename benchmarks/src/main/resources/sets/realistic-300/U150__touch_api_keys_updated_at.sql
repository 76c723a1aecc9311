DROP TRIGGER api_keys_set_updated_at ON api_keys;
