-- undone by ${flyway:user} in ${flyway:database}.${flyway:defaultSchema}
DROP TABLE ${flyway:defaultSchema}.${table_prefix}sessions;
