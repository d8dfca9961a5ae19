package wds.jobs.schedule;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import wds.jobs.metrics.MetricsConfiguration;

/**
 * The Spring Boot application {@code wds schedule} runs until the product application ({@code
 * wds.jobs.WdsApplication}, which holds the nightly job) is there to run instead. It has no
 * component scan of its own: the scheduler's beans are imported, the jobs come from the sources
 * added to it ({@code spring.main.sources}, or the application that replaces it).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
  ScheduleConfiguration.class,
  QuartzOnlyWhenScheduling.class,
  SchemaMigrations.class,
  MetricsConfiguration.class
})
public class ScheduleApplication {}
