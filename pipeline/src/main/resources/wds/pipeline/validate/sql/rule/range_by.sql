-- range_by: the range chosen by another column's value, else the column's own range.
CASE {{by}} {{cases}} ELSE {{otherwise}} END
