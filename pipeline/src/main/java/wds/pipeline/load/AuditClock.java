package wds.pipeline.load;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The clock of the load audit: county time (UTC+8), as every timestamp of the contract. */
final class AuditClock {

  static final ZoneOffset COUNTY = ZoneOffset.ofHours(8);

  private AuditClock() {}

  static LocalDateTime now() {
    return LocalDateTime.now(COUNTY).truncatedTo(ChronoUnit.MICROS);
  }
}
