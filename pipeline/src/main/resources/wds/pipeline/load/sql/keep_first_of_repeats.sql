-- An identical repeat changes nothing: keep one row per key so the upsert sees each key once.
DELETE FROM {{staging}}
WHERE _line NOT IN (SELECT min(_line) FROM {{staging}} GROUP BY {{key}});
