ALTER TABLE countries DROP COLUMN eu_member;
