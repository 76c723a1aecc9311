-- forgets to drop placed_at
SELECT 1;
