-- Re-seeding keeps, per key, the version with the latest updated_at (an older one changes nothing).
INSERT INTO {{table}} ({{columns}}) VALUES ({{parameters}})
ON CONFLICT ({{key}}) DO UPDATE SET {{assignments}}
WHERE {{table}}.{{updated_at}} IS NULL OR {{table}}.{{updated_at}} <= EXCLUDED.{{updated_at}}
