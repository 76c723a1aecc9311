-- every existing account gets a referral code; a second run gives other codes
UPDATE accounts SET referral_code = substr(md5(random()::text), 1, 10) WHERE referral_code IS NULL;
