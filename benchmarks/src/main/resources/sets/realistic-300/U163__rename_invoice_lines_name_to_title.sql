ALTER TABLE invoice_lines RENAME COLUMN title TO name;
