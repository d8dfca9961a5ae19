-- One rule of the validator: the first that holds names the row's reason and column.
WHEN {{condition}} THEN {{index}}
