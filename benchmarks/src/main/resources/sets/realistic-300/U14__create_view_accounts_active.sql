DROP VIEW accounts_active;
