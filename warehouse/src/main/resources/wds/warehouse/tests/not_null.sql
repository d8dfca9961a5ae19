-- Rows with an empty value in a column that must have one.
select count(*) from {{model}} where {{column}} is null
