ALTER TABLE invoice_lines RENAME COLUMN name TO title;
