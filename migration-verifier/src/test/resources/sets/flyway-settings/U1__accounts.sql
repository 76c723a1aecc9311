DROP TABLE ${table_prefix}accounts;
