-- The tables an internal report reads, over the snapshot attached as snap: as published, with an
-- empty suppressed column on indicator_value so that both versions read the same columns.
create or replace temp view build_context as select * from snap.build_context;
create or replace temp view indicator as select * from snap.indicator;
create or replace temp view dim_area as select * from snap.dim_area;
create or replace temp view etl_delivery as select * from snap.etl_delivery;
create or replace temp view etl_reject as select * from snap.etl_reject;
create or replace temp view fact_indicator_reports as select * from snap.fact_indicator_reports;
create or replace temp view indicator_value as
    select *, cast(null as varchar) as suppressed from snap.indicator_value;
create or replace temp view indicator_warning as select * from snap.indicator_warning;
