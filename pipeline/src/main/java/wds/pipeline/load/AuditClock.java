package wds.pipeline.load;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import wds.schemas.CountyClock;

/** The clock of the load audit: county time (UTC+8), as every timestamp of the contract. */
final class AuditClock {

  private AuditClock() {}

  static LocalDateTime now() {
    return LocalDateTime.now(CountyClock.ZONE).truncatedTo(ChronoUnit.MICROS);
  }
}
