-- brings the plans back, under new ids
INSERT INTO plans (code, retired) VALUES ('legacy-basic', true), ('legacy-plus', true);
