DROP TRIGGER deals_set_updated_at ON deals;
