-- Rows whose value is absent from the dimension (or other model) it refers to. An anti join, the
-- same rows as `not exists (select 1 from to where to.field = m.column)`: the correlated form
-- was planned as a delim join that grouped every row's value first (NIGHTLY-SPEED.md).
select count(*) from {{model}} as m
anti join {{to}} as t on t.{{field}} = m.{{column}}
where m.{{column}} is not null
