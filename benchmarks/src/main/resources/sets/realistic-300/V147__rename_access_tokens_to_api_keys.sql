-- the product calls them api keys now
ALTER TABLE access_tokens RENAME TO api_keys;
