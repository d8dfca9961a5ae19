-- The upsert, part 2: staged records whose key the table does not hold yet.
-- Parameters: delivery date, origin.
INSERT INTO {{table}} ({{row_columns}}, _delivery_date, _origin)
SELECT {{row_columns}}, ?, ?
FROM {{staging}} AS s
WHERE NOT EXISTS (SELECT 1 FROM {{table}} AS t WHERE {{key_match_staging}});
