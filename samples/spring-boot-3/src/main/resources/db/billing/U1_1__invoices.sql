DROP TABLE invoice;
DROP TYPE invoice_status;
