-- The versions the job repository's Flyway history records, each with whether it succeeded
-- (MigrateWhenBehind). Flyway creates the table with lower-case, quoted column names.
SELECT "version", "success" FROM {{table}}
