-- Rows for which a condition that must hold for every row does not.
select count(*) from {{model}} where not coalesce(({{expression}}), false)
