INSERT INTO etl_delivery (source, extract, delivery_date, file, connector, mode, rows_read,
  rows_loaded, rows_rejected, sha256, status, message, manifest_sha256, started_at, finished_at,
  rows_absent_deleted)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
