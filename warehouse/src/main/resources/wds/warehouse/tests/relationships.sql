-- Rows whose value is absent from the dimension (or other model) it refers to.
select count(*) from {{model}} as m
where m.{{column}} is not null
    and not exists (select 1 from {{to}} as t where t.{{field}} = m.{{column}})
