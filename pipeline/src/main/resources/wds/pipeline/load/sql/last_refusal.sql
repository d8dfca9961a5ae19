-- The fault recorded the last time this manifest of this source and night was refused, if any.
SELECT message FROM etl_delivery
WHERE source = ? AND delivery_date = ? AND coalesce(manifest_sha256, '') = ? AND status = 'refused'
ORDER BY finished_at DESC LIMIT 1;
