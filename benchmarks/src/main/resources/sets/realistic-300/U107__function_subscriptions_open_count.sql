DROP FUNCTION subscriptions_open_count(bigint);
