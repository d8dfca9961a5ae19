package wds.jobs.schedule;

import org.springframework.batch.core.BatchStatus;

/**
 * The event published after each execution the schedule ran, so that readers of the warehouse (the
 * metrics) can refresh what they show.
 */
public record NightlyRunFinished(long executionId, BatchStatus status) {}
