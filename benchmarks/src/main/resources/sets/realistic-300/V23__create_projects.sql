CREATE TABLE projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projects_team_id_idx ON projects (team_id);

-- the demo workspace every new installation starts with
INSERT INTO projects (team_id, name) VALUES
    (1, 'Demo project 1'),
    (2, 'Demo project 2'),
    (3, 'Demo project 3');

COMMENT ON TABLE projects IS 'Projects; each belongs to one team.';
