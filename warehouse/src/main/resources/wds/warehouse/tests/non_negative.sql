-- Rows with a negative count or amount.
select count(*) from {{model}} where {{column}} < 0
