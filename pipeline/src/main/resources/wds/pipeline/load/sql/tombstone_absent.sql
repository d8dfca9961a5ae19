-- Full mode: a live record absent from the file is deleted as of the delivery. Its tombstone is
-- versioned at the start of the delivery's extract date (updated_at = extract date 00:00), so it
-- beats every version the source sent before that night and loses to any later change; a record
-- changed on or after that instant (by a newer delivery) is not touched by an older full replay.
-- Parameters: stamp, delivery date, origin, stamp, stamp, delivery date.
UPDATE {{table}} AS t
SET deleted = true, updated_at = ?, _delivery_date = ?, _origin = ?
WHERE NOT t.deleted
  AND (t.updated_at < ? OR (t.updated_at = ? AND t._delivery_date < ?))
  AND NOT EXISTS (SELECT 1 FROM {{staging}} s WHERE {{key_match_staging}})
  AND NOT EXISTS (SELECT 1 FROM {{rejected_keys}} r WHERE {{key_match_rejected}});
