DROP TRIGGER users_set_updated_at ON users;
