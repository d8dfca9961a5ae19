-- OUT_OF_RANGE: not a number of its type, or outside its range.
{{value}} IS NOT NULL AND ({{number}} IS NULL OR NOT ({{range}}))
