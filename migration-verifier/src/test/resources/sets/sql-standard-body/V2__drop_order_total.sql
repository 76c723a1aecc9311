-- the total moves to the application; the function goes
DROP FUNCTION order_total(bigint);
