-- How many rows of one file the rules passed and rejected (usually few or none), from the staging
-- table the rules query made.
SELECT count(*) FILTER (WHERE _rule IS NULL), count(*) FILTER (WHERE _rule IS NOT NULL)
FROM {{staging}};
