CREATE OR REPLACE VIEW order_sizes AS
SELECT o.id, count(i.sku) AS lines
FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
GROUP BY o.id;
