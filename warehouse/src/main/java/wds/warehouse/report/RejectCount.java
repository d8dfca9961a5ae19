package wds.warehouse.report;

/** Rows of a source rejected for one reason, in the deliveries behind a report. */
public record RejectCount(String source, String reason, long rows) {}
