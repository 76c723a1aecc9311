CREATE INDEX accounts_lower_label_idx ON accounts (lower(title));
