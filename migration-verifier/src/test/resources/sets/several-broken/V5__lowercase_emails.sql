UPDATE customers SET email = lower(email) WHERE email <> lower(email);
