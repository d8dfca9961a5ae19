-- Rows sharing a key with another row.
select coalesce(sum(n), 0) from (
    select count(*) as n from {{model}} group by {{columns}} having count(*) > 1
)
