DROP TABLE deals;
