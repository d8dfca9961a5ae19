package wds.warehouse.report;

/**
 * The attainment counts of one domain of the plan.
 *
 * @param domain the catalogue's code ({@code health})
 * @param title the chapter title (妇女与健康)
 */
public record DomainAttainment(String domain, String title, Attainment attainment) {}
