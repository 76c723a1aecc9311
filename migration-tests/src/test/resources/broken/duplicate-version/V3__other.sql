-- V3: index usage records by model, for the cost-per-model report.
-- BROKEN ON PURPOSE: written on another branch that also picked version 3, which
-- V3__match_records.sql already uses.

CREATE INDEX hm_usage_records_model_idx ON hm_usage_records (model);
