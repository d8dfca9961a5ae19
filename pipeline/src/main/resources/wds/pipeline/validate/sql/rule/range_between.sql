-- A number within both bounds (inclusive).
{{number}} BETWEEN {{min}} AND {{max}}
