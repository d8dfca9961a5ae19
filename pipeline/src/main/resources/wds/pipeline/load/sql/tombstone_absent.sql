-- Full mode: a live record absent from the file is deleted as of the delivery. Its tombstone is
-- versioned at the start of the delivery's extract date (updated_at = extract date 00:00,
-- _delivery_date = that date), so it beats every version the source sent before that night and
-- loses to any later change. Only records last written by an older delivery are touched: replaying
-- an old full file never deletes what newer deliveries wrote (load twice = load once).
-- Parameters: stamp, delivery date, origin, delivery date, stamp.
UPDATE {{table}} AS t
SET deleted = true, updated_at = ?, _delivery_date = ?, _origin = ?
WHERE NOT t.deleted
  AND t._delivery_date < ?
  AND t.updated_at < ?
  AND NOT EXISTS (SELECT 1 FROM {{staging}} s WHERE {{key_match_staging}})
  AND NOT EXISTS (SELECT 1 FROM {{rejected_keys}} r WHERE {{key_match_rejected}});
