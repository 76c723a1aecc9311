ALTER TABLE teams
    DROP COLUMN legacy_ref,
    DROP COLUMN sort_order,
    DROP COLUMN archived_at,
    DROP COLUMN description;
