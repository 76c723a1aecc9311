DROP FUNCTION teams_open_count(bigint);
