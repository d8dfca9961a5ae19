-- Last writer wins on updated_at; on a tie the later delivery wins, but only if the content differs
-- (an identical re-delivery, or an older version, changes nothing, not even _delivery_date).
-- Parameters: the delivery date, the origin (file or table).
INSERT INTO {{table}} AS t ({{row_columns}}, _delivery_date, _origin)
SELECT {{row_columns}}, ?, ? FROM {{staging}}
ON CONFLICT ({{key}}) DO UPDATE SET {{update_assignments}}
WHERE excluded.updated_at > t.updated_at
   OR (excluded.updated_at = t.updated_at
       AND excluded._delivery_date > t._delivery_date
       AND ({{content_differs}}));
