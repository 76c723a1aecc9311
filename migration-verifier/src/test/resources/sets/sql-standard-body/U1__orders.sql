DROP FUNCTION order_total(bigint);
DROP TABLE order_lines;
