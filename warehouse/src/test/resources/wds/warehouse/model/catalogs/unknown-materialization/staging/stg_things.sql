with final as (select 1 as thing_id)
select * from final
