DROP FUNCTION memberships_open_count(bigint);
