CREATE TABLE ${flyway:defaultSchema}.items (id int PRIMARY KEY, made_by text DEFAULT '${flyway:user}');
