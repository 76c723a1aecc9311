CREATE TABLE milestones (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX milestones_project_id_idx ON milestones (project_id);

-- the demo workspace every new installation starts with
INSERT INTO milestones (project_id, name) VALUES
    (1, 'Demo milestone 1'),
    (2, 'Demo milestone 2'),
    (3, 'Demo milestone 3');

COMMENT ON TABLE milestones IS 'Milestones; each belongs to one project.';
