-- The upsert, part 1: stored records the staged version beats. Last writer wins on updated_at; on
-- a tie the later delivery wins, but only if the content differs (an identical re-delivery, or an
-- older version, changes nothing, not even _delivery_date). A staged tombstone (deleted = true)
-- replaces the record like any newer version and stays.
-- (An UPDATE ... FROM and an anti-join INSERT: several times faster in DuckDB than INSERT ... ON
-- CONFLICT DO UPDATE over a million rows.)
-- Parameters: delivery date, origin, delivery date.
UPDATE {{table}} AS t
SET {{update_from_staging}},
    _delivery_date = ?,
    _origin = ?
FROM {{staging}} AS s
WHERE {{key_match_staging}}
  AND (s.updated_at > t.updated_at
       OR (s.updated_at = t.updated_at
           AND ? > t._delivery_date
           AND ({{content_differs}})));
