-- V1: users baseline.
-- The `users` table is shared with the company website, which created it long before TalentAI
-- existed; the app reads and bills against it but does not own it. This script recreates it as
-- the website has it, so that every later TalentAI migration starts from the real shape.
-- It deliberately has NO consent columns: those arrived late (V5), and their absence is what
-- caused the 2026-01-27 billing outage.
-- Also creates touch_updated_at(), the trigger function that keeps updated_at current; V4
-- reuses it for hm_feedbacks. Plain CREATE FUNCTION (not OR REPLACE) so that a leftover from a
-- sloppy undo makes the redo fail loudly instead of being silently replaced.

CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$;

CREATE TABLE users (
    id          bigserial     PRIMARY KEY,
    email       varchar(255),                       -- NULL for WeChat-only accounts
    username    varchar(64),
    password    varchar(255),                       -- password hash; NULL for WeChat-only accounts
    name        varchar(100),
    avatar      varchar(512),                       -- URL
    openid      varchar(64),                        -- WeChat openid
    unionid     varchar(64),                        -- WeChat unionid
    role        varchar(16)   NOT NULL DEFAULT 'user',
    balance     numeric(12,2) NOT NULL DEFAULT 0,   -- prepaid balance in CNY
    free_quota  integer       NOT NULL DEFAULT 0,   -- free match analyses left
    created_at  timestamp     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  timestamp     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT users_email_key      UNIQUE (email),
    CONSTRAINT users_username_key   UNIQUE (username),
    CONSTRAINT users_openid_key     UNIQUE (openid),
    CONSTRAINT users_role_check     CHECK (role IN ('user', 'vip', 'admin')),
    CONSTRAINT users_balance_check  CHECK (balance >= 0),
    CONSTRAINT users_free_quota_check CHECK (free_quota >= 0)
);

CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW
    EXECUTE FUNCTION touch_updated_at();
