-- Whether this manifest of this source and night was loaded already (parameters: source, date, manifest sha256).
SELECT count(*) FROM etl_delivery
WHERE source = ? AND delivery_date = ? AND manifest_sha256 = ? AND status = 'loaded';
