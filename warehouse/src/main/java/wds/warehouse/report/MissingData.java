package wds.warehouse.report;

/**
 * An indicator without data at county level in the year: a computed indicator whose sources
 * delivered nothing, or a department's missing return.
 *
 * @param department the department answerable, in Chinese (卫生健康部门, or the reporting body)
 * @param text the warehouse's no_data message
 */
public record MissingData(String department, String indicatorCode, String nameZh, String text) {}
