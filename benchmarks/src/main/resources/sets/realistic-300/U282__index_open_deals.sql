DROP INDEX deals_open_customer_idx;
