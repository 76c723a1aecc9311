CREATE OR REPLACE VIEW vip_customers AS SELECT id, name FROM customers WHERE vip;
