CREATE TABLE order_archive (
    order_id    bigint PRIMARY KEY,
    purge_after interval NOT NULL DEFAULT interval '${retention_days} days'
);
