DROP TABLE invoices;
-- fails while another database of the server still grants the role something
DROP ROLE IF EXISTS vs_reporting;
