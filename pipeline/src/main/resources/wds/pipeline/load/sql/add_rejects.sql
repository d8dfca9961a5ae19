-- Two JDBC pulls of one day add up; a file delivery is loaded once.
INSERT INTO etl_reject AS r (source, extract, delivery_date, reason, rows) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (source, extract, delivery_date, reason) DO UPDATE SET rows = r.rows + excluded.rows;
