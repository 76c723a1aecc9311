CREATE TABLE tasks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tasks_project_id_idx ON tasks (project_id);

-- the demo workspace every new installation starts with
INSERT INTO tasks (project_id, name) VALUES
    (1, 'Demo task 1'),
    (2, 'Demo task 2'),
    (3, 'Demo task 3');

COMMENT ON TABLE tasks IS 'Tasks; each belongs to one project.';
