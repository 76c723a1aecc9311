-- most screens list only what is not archived
CREATE INDEX deals_open_customer_idx ON deals (customer_id)
    WHERE archived_at IS NULL;
