-- How many rows of one file the rules rejected (usually few or none).
SELECT count(*) FROM {{judged}} WHERE _rule IS NOT NULL;
