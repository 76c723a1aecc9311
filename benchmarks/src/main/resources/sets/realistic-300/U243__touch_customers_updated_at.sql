DROP TRIGGER customers_set_updated_at ON customers;
