-- forgets customers_email_lower_idx, so the redo fails and the schema is rebuilt at V2
DROP TABLE orders;
