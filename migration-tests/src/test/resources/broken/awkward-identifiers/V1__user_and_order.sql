-- V1: two tables whose names are reserved words, "user" and "order", each with a column named
-- "type", and a quoted mixed-case column "DisplayName". Everything that names them must quote
-- them; a tool that forgets produces SQL errors or looks up the wrong object.
-- This set is CORRECT: every undo is exact and the contract holds; the toolkit must not report
-- anything.

CREATE TABLE "user" (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "type"        varchar(16)  NOT NULL DEFAULT 'person',
    email         varchar(255) NOT NULL,
    "DisplayName" varchar(100),
    deleted_at    timestamp,
    CONSTRAINT user_type_check CHECK ("type" IN ('person', 'company'))
);

CREATE TABLE "order" (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint        NOT NULL REFERENCES "user" (id),
    "type"     varchar(16)   NOT NULL,
    amount     numeric(12,2) NOT NULL,
    created_at timestamp     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT order_type_check CHECK ("type" IN ('one_off', 'subscription'))
);
