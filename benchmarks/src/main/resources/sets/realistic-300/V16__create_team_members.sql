CREATE TABLE team_members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX team_members_team_id_idx ON team_members (team_id);

-- the demo workspace every new installation starts with
INSERT INTO team_members (team_id, name) VALUES
    (1, 'Demo membership 1'),
    (2, 'Demo membership 2'),
    (3, 'Demo membership 3');

COMMENT ON TABLE team_members IS 'Memberships; each belongs to one team.';
