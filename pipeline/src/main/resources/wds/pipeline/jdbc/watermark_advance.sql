-- Moves a mark forward, never back: a pull that saw only older rows leaves it where it is.
INSERT INTO etl_watermark (source, extract, high_water, updated_at)
VALUES (?, ?, ?, current_localtimestamp())
ON CONFLICT (source, extract) DO UPDATE SET
  high_water = greatest(etl_watermark.high_water, excluded.high_water),
  updated_at = excluded.updated_at
