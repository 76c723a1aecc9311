DROP TRIGGER memberships_set_updated_at ON memberships;
