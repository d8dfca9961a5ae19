SELECT high_water FROM etl_watermark WHERE source = ? AND extract = ?
