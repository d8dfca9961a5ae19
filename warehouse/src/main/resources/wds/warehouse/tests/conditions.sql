-- The rows of one table at fault by each of its conditions, all counted in one scan of the table:
-- {{counts}} is one `count(*) filter (where <condition>)` per condition, a list in their order.
select [{{counts}}] from {{model}}
