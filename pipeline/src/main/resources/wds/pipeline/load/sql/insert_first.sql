-- The upsert of a first load, into a table that holds no row yet (checked in the same transaction):
-- every staged record, as insert_new.sql would add them. Staging holds each key once
-- (keep_first_of_repeats.sql) and the table none, so insert_new.sql's NOT EXISTS holds for every
-- row and is left out. Parameters: delivery date, origin.
INSERT INTO {{table}} ({{row_columns}}, _delivery_date, _origin)
SELECT {{row_columns}}, ?, ?
FROM {{staging}} AS s;
