-- Re-seeding keeps, per key, the version with the latest updated_at (an older one changes nothing).
-- MySQL assigns left to right, each seeing the values assigned before it: updated_at comes last.
INSERT INTO {{table}} ({{columns}}) VALUES ({{parameters}})
ON DUPLICATE KEY UPDATE {{assignments}}
