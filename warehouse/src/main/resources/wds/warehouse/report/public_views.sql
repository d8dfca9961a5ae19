-- The tables a public report reads, over the snapshot attached as snap and the public feed's
-- indicator_value (the temp table feed_indicator_value): values, intervals and statuses only as the
-- feed shows them (a withheld row has the status 'withheld'), and warnings only on published cells.
create or replace temp view build_context as select * from snap.build_context;
create or replace temp view indicator as select * from snap.indicator;
create or replace temp view dim_area as select * from snap.dim_area;
create or replace temp view etl_delivery as select * from snap.etl_delivery;
create or replace temp view etl_reject as select * from snap.etl_reject;
create or replace temp view fact_indicator_reports as
    select indicator_code, year, department from snap.fact_indicator_reports;
create or replace temp view indicator_value as
    select
        indicator_code,
        cast(year as integer) as year,
        area_code,
        residence,
        cast(sex as varchar) as sex,
        numerator,
        denominator,
        value,
        ci_low,
        ci_high,
        target_op,
        target,
        case when suppressed is not null then 'withheld' else status end as status,
        basis,
        provisional,
        suppressed
    from feed_indicator_value;
create or replace temp view indicator_warning as
    select w.*
    from snap.indicator_warning as w
    join indicator_value as v
      on v.indicator_code = w.indicator_code
     and v.year = w.year
     and v.area_code = w.area_code
     and v.residence = w.residence
     and v.sex = cast(w.sex as varchar)
    where v.suppressed is null;
