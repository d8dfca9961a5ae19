-- A row at fault: an empty value in a column that must have one.
{{column}} is null
