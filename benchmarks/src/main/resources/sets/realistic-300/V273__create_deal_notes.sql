CREATE TABLE deal_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deal_id bigint NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX deal_notes_deal_id_idx ON deal_notes (deal_id);

COMMENT ON TABLE deal_notes IS 'Deal notes; each belongs to one deal.';
