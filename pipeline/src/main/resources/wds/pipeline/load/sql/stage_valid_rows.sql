-- The valid rows of one file, typed, into the staging table the upsert reads.
INSERT INTO {{staging}} SELECT * EXCLUDE (_rule) FROM {{judged}} WHERE _rule IS NULL;
