DROP INDEX invoice_lines_search_key_idx;
ALTER TABLE invoice_lines DROP COLUMN search_key;
