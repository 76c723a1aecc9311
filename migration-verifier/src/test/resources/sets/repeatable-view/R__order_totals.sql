-- re-created by Flyway whenever this file changes
CREATE OR REPLACE VIEW order_totals AS
SELECT c.id AS customer_id, c.name, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;
