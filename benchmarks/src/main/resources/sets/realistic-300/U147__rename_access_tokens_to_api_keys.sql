ALTER TABLE api_keys RENAME TO access_tokens;
