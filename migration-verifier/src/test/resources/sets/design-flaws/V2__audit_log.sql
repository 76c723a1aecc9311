-- a log the application appends to: no key, no index, every column nullable
CREATE TABLE audit_log (
    happened_at timestamptz DEFAULT now(),
    what        text
);
