-- undo orders: keep accounts
DELETE FROM orders
WHERE amount >= 0
  AND acount_id IS NOT NULL;
DROP TABLE orders;
