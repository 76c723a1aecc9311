-- most screens list only what is not archived
CREATE INDEX contacts_open_customer_idx ON contacts (customer_id)
    WHERE archived_at IS NULL;
