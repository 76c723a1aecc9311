-- forgets the schema that V1 creates: the verified schema is restored, but V1 cannot run again
DROP TABLE audit.log;
DROP TABLE entries;
