UPDATE accounts SET referral_code = NULL;
