-- The rejected rows leave the staging table once they are quarantined and their keys kept: what
-- stays is the valid rows, typed, that the upsert reads.
DELETE FROM {{staging}} WHERE _rule IS NOT NULL;
