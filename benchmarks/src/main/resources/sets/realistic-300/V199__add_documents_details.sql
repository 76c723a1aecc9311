ALTER TABLE documents
    ADD COLUMN description text,
    ADD COLUMN archived_at timestamptz,
    ADD COLUMN sort_order smallint NOT NULL DEFAULT 0,
    ADD COLUMN legacy_ref varchar(40);
