-- A row at fault: one for which a condition that must hold for every row does not.
not coalesce(({{expression}}), false)
