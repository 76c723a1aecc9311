DROP TRIGGER accounts_set_updated_at ON accounts;
