-- The columns a source table or view has, read from the metadata of an empty result.
SELECT * FROM {{table}} WHERE 1 = 0
