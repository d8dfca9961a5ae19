-- A row at fault: a negative count or amount.
{{column}} < 0
