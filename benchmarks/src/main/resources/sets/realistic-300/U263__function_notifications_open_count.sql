DROP FUNCTION notifications_open_count(bigint);
