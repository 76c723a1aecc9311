ALTER TABLE tenants DROP COLUMN seat_limit;
