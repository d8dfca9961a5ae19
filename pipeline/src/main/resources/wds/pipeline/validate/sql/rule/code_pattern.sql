-- A code that does not match the pattern of its schema in full.
NOT regexp_full_match({{value}}, {{pattern}})
