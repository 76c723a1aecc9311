ALTER TABLE countries ADD COLUMN eu_member boolean NOT NULL DEFAULT false;

UPDATE countries SET eu_member = true
WHERE code IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE');
