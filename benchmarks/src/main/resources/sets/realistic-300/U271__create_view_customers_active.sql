DROP VIEW customers_active;
