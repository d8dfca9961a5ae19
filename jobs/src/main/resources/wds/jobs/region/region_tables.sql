-- The region's own tables in its snapshot: one row per county (where its figures come from and
-- whether they are tonight's) and one per prefecture.
create table snap.region_county (
    county_code varchar not null primary key,
    county_name varchar not null,
    prefecture_code varchar,
    snapshot varchar,            -- the county snapshot the region read; null: none published yet
    published_at timestamp,      -- when that snapshot was built
    last_delivery_date date,     -- the county's newest loaded delivery
    night varchar not null,      -- tonight: done, refused, failed, not run
    stale boolean not null       -- true: tonight failed or did not run, the last good data stands in
);
create table snap.region_prefecture (
    prefecture_code varchar not null primary key,
    prefecture_name varchar not null
);
