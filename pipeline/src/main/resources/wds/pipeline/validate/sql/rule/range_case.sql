-- One case of range_by.
WHEN {{value}} THEN {{range}}
