-- One line per county of the region snapshot, in code order.
select county_code, county_name, prefecture_code, snapshot, published_at, night,
       cast(last_delivery_date as varchar) as last_delivery_date, stale
from region_county
order by county_code
