-- One row: how many of the plan's indicators have a value in the given year, and how many
-- indicators the plan has (the catalogue table `indicator`).
with valued as (
    select count(distinct indicator_code) as with_value
    from indicator_value
    where year = ? and value is not null
),

planned as (
    select count(*) as indicators
    from indicator
)

select valued.with_value, planned.indicators
from valued, planned
