package wds.jobs.schedule;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wds.schemas.CountyClock;

/**
 * The nightly schedule's settings ({@code wds.schedule.*}): which Spring Batch job runs, when, in
 * which time zone, and how long a graceful stop may take.
 *
 * @param job the name of the Spring Batch job the schedule runs (looked up in the job registry)
 * @param cron a Quartz cron expression with seconds ({@code sec min hour day month weekday})
 * @param zone the zone the cron expression is read in: county time, UTC+8
 * @param stopTimeout how long a stop waits for the running job to reach a chunk boundary
 */
@ConfigurationProperties("wds.schedule")
public record ScheduleProperties(
    @DefaultValue("nightly") String job,
    @DefaultValue("0 0 2 * * ?") String cron,
    @DefaultValue(CountyClock.ZONE_NAME) ZoneId zone,
    @DefaultValue("2m") Duration stopTimeout) {}
