CREATE TABLE countries (
    code char(2) PRIMARY KEY,
    name text NOT NULL UNIQUE
);

INSERT INTO countries (code, name) VALUES
    ('AT', 'Austria'), ('BE', 'Belgium'), ('CA', 'Canada'), ('CH', 'Switzerland'),
    ('DE', 'Germany'), ('DK', 'Denmark'), ('ES', 'Spain'), ('FR', 'France'),
    ('GB', 'United Kingdom'), ('IE', 'Ireland'), ('IT', 'Italy'), ('NL', 'Netherlands'),
    ('NO', 'Norway'), ('PL', 'Poland'), ('PT', 'Portugal'), ('SE', 'Sweden'),
    ('US', 'United States');
