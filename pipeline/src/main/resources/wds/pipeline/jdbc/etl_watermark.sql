-- One row per source and extract pulled over JDBC: the latest updated_at of a committed pull.
-- The next pull asks for updated_at >= high_water; the upsert makes that overlap harmless.
CREATE TABLE IF NOT EXISTS etl_watermark (
  source     VARCHAR   NOT NULL,
  extract    VARCHAR   NOT NULL,
  high_water TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (source, extract)
)
