package wds.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsHome;

class PublishedInputsTest {

  private static final List<String> SETTINGS = List.of("as-of-year=2026");

  private static Connection work() throws Exception {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ods_health__births (cert_no VARCHAR, weight INTEGER)");
      s.execute("INSERT INTO ods_health__births VALUES ('B1', 3200), ('B2', NULL)");
      s.execute("CREATE TABLE etl_delivery (source VARCHAR, rows_read BIGINT)");
      s.execute("INSERT INTO etl_delivery VALUES ('health', 2)");
      s.execute("CREATE TABLE scratch (x INTEGER)");
    }
    return c;
  }

  /** The digest of a fresh work database before and after {@code change}. */
  private static String[] digestsAround(String change) throws Exception {
    try (Connection c = work();
        Statement s = c.createStatement()) {
      String before = PublishedInputs.digest(c, SETTINGS);
      s.execute(change);
      return new String[] {before, PublishedInputs.digest(c, SETTINGS)};
    }
  }

  @Test
  void digest_OfTheSameRowsAndSettings_IsTheSame() throws Exception {
    try (Connection a = work();
        Connection b = work()) {
      assertThat(PublishedInputs.digest(a, SETTINGS))
          .hasSize(64)
          .isEqualTo(PublishedInputs.digest(b, SETTINGS));
    }
  }

  @Test
  void digest_WhenOneValueOfOneRowChanges_Changes() throws Exception {
    assertThat(digestsAround("UPDATE ods_health__births SET weight = 3201 WHERE cert_no = 'B1'"))
        .doesNotHaveDuplicates();
  }

  @Test
  void digest_WhenANullBecomesAValue_Changes() throws Exception {
    assertThat(digestsAround("UPDATE ods_health__births SET weight = 0 WHERE cert_no = 'B2'"))
        .doesNotHaveDuplicates();
  }

  @Test
  void digest_WhenTheAuditGrows_Changes() throws Exception {
    assertThat(digestsAround("INSERT INTO etl_delivery VALUES ('health', 0)"))
        .doesNotHaveDuplicates();
  }

  @Test
  void digest_WhenASettingChanges_Changes() throws Exception {
    try (Connection c = work()) {
      assertThat(PublishedInputs.digest(c, List.of("as-of-year=2027")))
          .isNotEqualTo(PublishedInputs.digest(c, SETTINGS));
    }
  }

  @Test
  void digest_OfATableTheBuildDoesNotRead_IsLeftOut() throws Exception {
    String[] digests = digestsAround("INSERT INTO scratch VALUES (1)");
    assertThat(digests[1]).isEqualTo(digests[0]);
  }

  @Test
  void record_WrittenThenRead_GivesItBack_AndAnUnreadableOneIsNone(@TempDir Path tmp)
      throws Exception {
    WdsHome home = new WdsHome(tmp);
    assertThat(PublishedInputs.read(home)).isEmpty();
    PublishedInputs.Published published =
        new PublishedInputs.Published("wds-20260116-020000.duckdb", "ab".repeat(32));
    PublishedInputs.write(home, published);
    assertThat(PublishedInputs.read(home)).contains(published);
    Files.writeString(home.state().resolve(PublishedInputs.FILE), "{not json");
    assertThat(PublishedInputs.read(home)).isEmpty();
  }
}
