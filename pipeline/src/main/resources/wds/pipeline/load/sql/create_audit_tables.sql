-- The load audit (warehouse.md, "Operators"): one row per loaded, refused or interrupted file or
-- JDBC pull, and one row per source x extract x delivery_date x reason with its count.
CREATE TABLE IF NOT EXISTS etl_delivery (
  source          VARCHAR   NOT NULL,
  extract         VARCHAR,
  delivery_date   DATE      NOT NULL,
  file            VARCHAR,
  connector       VARCHAR   NOT NULL,
  mode            VARCHAR,
  rows_read       BIGINT    NOT NULL,
  rows_loaded     BIGINT    NOT NULL,
  rows_rejected   BIGINT    NOT NULL,
  sha256          VARCHAR,
  status          VARCHAR   NOT NULL,
  message         VARCHAR,
  manifest_sha256 VARCHAR,
  started_at      TIMESTAMP NOT NULL,
  finished_at     TIMESTAMP NOT NULL,
  rows_absent_deleted BIGINT NOT NULL DEFAULT 0,
  CHECK (rows_read = rows_loaded + rows_rejected)
);
CREATE TABLE IF NOT EXISTS etl_reject (
  source        VARCHAR NOT NULL,
  extract       VARCHAR NOT NULL,
  delivery_date DATE    NOT NULL,
  reason        VARCHAR NOT NULL,
  rows          BIGINT  NOT NULL,
  PRIMARY KEY (source, extract, delivery_date, reason)
);
