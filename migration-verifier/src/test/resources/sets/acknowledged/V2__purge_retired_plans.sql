-- Retired plans have had no subscribers since 2023; support asked to remove them.
-- verified-schema: changes-data
DELETE FROM plans WHERE retired;
