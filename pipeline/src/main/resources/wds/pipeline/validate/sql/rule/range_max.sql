-- A number at most its upper bound.
{{number}} <= {{max}}
