package wds.warehouse.report;

/** An area a digest entry names: a township where the indicator is not met. */
public record DigestArea(String code, String name) {}
