CREATE TABLE sprint_goals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sprint_id bigint NOT NULL REFERENCES sprints (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sprint_goals_sprint_id_idx ON sprint_goals (sprint_id);

COMMENT ON TABLE sprint_goals IS 'Sprint goals; each belongs to one sprint.';
