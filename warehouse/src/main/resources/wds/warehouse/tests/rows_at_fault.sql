-- The rows of a table at fault by one condition (not_null.sql, non_negative.sql,
-- accepted_values.sql, expression.sql, no_identity_numbers.sql): the test run alone.
select count(*) from {{model}} where {{condition}}
