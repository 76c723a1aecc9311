DROP INDEX accounts_created_idx;
DROP TABLE orders;
