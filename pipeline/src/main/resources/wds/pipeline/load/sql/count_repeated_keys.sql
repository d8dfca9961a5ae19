-- How many keys occur more than once in one file (usually none).
SELECT count(*) FROM (SELECT 1 FROM {{staging}} GROUP BY {{key}} HAVING count(*) > 1);
