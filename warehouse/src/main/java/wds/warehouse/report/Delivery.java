package wds.warehouse.report;

import java.time.LocalDate;

/** One delivery behind a report: the latest loaded file of a source's extract. */
public record Delivery(
    String source, String extract, LocalDate deliveryDate, long rowsLoaded, long rowsRejected) {}
