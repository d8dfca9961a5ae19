package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static wds.jobs.nightly.NightlyRuns.COUNTY;
import static wds.jobs.nightly.NightlyRuns.count;
import static wds.jobs.nightly.NightlyRuns.query;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * The nightly job end to end: a generated county with bad rows goes through {@code wds nightly},
 * and what it publishes (snapshot, audit, indicators, lake, public feed) is checked against values
 * this test computes on its own from the delivered files.
 */
class NightlyJobEndToEndTest {

  /** Years checked: a plan year early on and the last full data year. */
  static final int[] YEARS = {2021, 2024};

  /** Φ⁻¹(0.975). */
  static final double Z = 1.959963984540054;

  @TempDir static Path tmp;

  static Path home;
  static Path drop;
  static DeliveryFiles files;
  static NightlyRuns.Run run;

  @BeforeAll
  static void runTheNightlyJobOnAGeneratedCounty() throws Exception {
    home = tmp.resolve("home");
    drop = tmp.resolve("drop");
    CountyGenerator.generate(
        GeneratorSettings.defaults().withPersons(2_500).withSeed(11).withBadRowRate(0.005), drop);
    NightlyRuns.secret(home);
    files = new DeliveryFiles(drop);
    run = NightlyRuns.nightly(home, drop);
  }

  static Path current() {
    return home.resolve("snapshots/current.duckdb");
  }

  @Test
  void nightly_OnAGeneratedCounty_ExitsZeroAndPublishesASnapshotThatOpensReadOnly()
      throws Exception {
    assertThat(run.exitCode()).as("exit code; output:\n%s", tail(run.output())).isZero();
    assertThat(current()).exists();
    try (Connection c = NightlyRuns.readOnly(current())) {
      assertThat(count(c, "SELECT count(*) FROM indicator_value")).isPositive();
      assertThat(count(c, "SELECT count(*) FROM fact_births")).isPositive();
    }
  }

  @Test
  void nightly_AuditReconcilesEveryFile_AndRejectsWhatTheGeneratorInjected() throws Exception {
    assertThat(files.faultsByReason()).hasSize(11); // every reason injected at least once
    try (Connection c = NightlyRuns.readOnly(current())) {
      List<List<Object>> audit =
          query(
              c,
              "SELECT file, rows_read, rows_loaded, rows_rejected, status FROM etl_delivery ORDER BY 1");
      assertThat(audit).hasSize(files.allFiles().size());
      Map<String, Long> faultsPerFile = new HashMap<>();
      files.faults().forEach(f -> faultsPerFile.merge(f.file(), 1L, Long::sum));
      SoftAssertions soft = new SoftAssertions();
      for (List<Object> row : audit) {
        long read = ((Number) row.get(1)).longValue();
        long loaded = ((Number) row.get(2)).longValue();
        long rejected = ((Number) row.get(3)).longValue();
        soft.assertThat(row.get(4)).as("status of %s", row.get(0)).isEqualTo("loaded");
        soft.assertThat(loaded + rejected)
            .as("read = loaded + rejected, %s", row.get(0))
            .isEqualTo(read);
        soft.assertThat(rejected)
            .as("rejected rows of %s", row.get(0))
            .isEqualTo(faultsPerFile.getOrDefault((String) row.get(0), 0L));
      }
      Map<String, Long> rejects = new TreeMap<>();
      for (List<Object> r : query(c, "SELECT reason, sum(rows) FROM etl_reject GROUP BY 1")) {
        rejects.put((String) r.get(0), ((Number) r.get(1)).longValue());
      }
      soft.assertThat(rejects).isEqualTo(files.faultsByReason());
      soft.assertAll();
    }
  }

  @Test
  void nightly_IndicatorValuesMatchAnIndependentComputationFromTheDeliveredFiles()
      throws Exception {
    Expectations e = new Expectations(files);
    SoftAssertions soft = new SoftAssertions();
    try (Connection c = NightlyRuns.readOnly(current())) {
      for (int y : YEARS) {
        check(
            soft,
            c,
            "H12",
            y,
            "0",
            e.births(y, b -> Set.of("1", "2").contains(b.get("delivery_place"))),
            e.births(y, b -> true),
            100);
        check(
            soft,
            c,
            "H13",
            y,
            "0",
            e.births(y, b -> b.get("delivery_mode").equals("2")),
            e.births(y, b -> true),
            100);
        check(soft, c, "H02", y, "0", e.h02(y), e.births(y, b -> true), 100);
        check(soft, c, "C01", y, "0", e.employed(y, "2"), e.employed(y, null), 100);
        check(soft, c, "D01", y, "0", e.villageCommittee(y, "2"), e.villageCommittee(y, null), 100);
        for (String sex : List.of("2", "1", "0")) {
          check(
              soft,
              c,
              "S01",
              y,
              sex,
              e.medicallyInsured(y, sex),
              e.population(y, sex, 0, 200),
              100);
          check(
              soft, c, "E02", y, sex, e.seniorStudents(y, sex), e.population(y, sex, 15, 17), 100);
        }
        check(soft, c, "F02", y, "0", e.divorces(y), e.population(y, "0", 0, 200), 1000);
        Map<String, String> n01 = e.countyReturn("N01", y);
        soft.assertThat(n01).as("N01 return %d", y).isNotNull();
        if (n01 != null) {
          List<Object> row = valueRow(c, "N01", y, "0");
          soft.assertThat(row).as("N01 %d in indicator_value", y).isNotNull();
          if (row != null) {
            soft.assertThat(row.get(0))
                .as("N01 %d numerator", y)
                .isEqualTo(Double.valueOf(n01.get("numerator")));
            soft.assertThat(row.get(1))
                .as("N01 %d denominator", y)
                .isEqualTo(Double.valueOf(n01.get("denominator")));
            soft.assertThat((Double) row.get(2))
                .as("N01 %d value", y)
                .isCloseTo(Double.parseDouble(n01.get("value")), within(1e-9));
            soft.assertThat(row.get(6)).as("N01 %d basis", y).isEqualTo("reported");
          }
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void nightly_PercentIntervalIsWilsonAndStatusFollowsTheCatalogueTarget() throws Exception {
    Expectations e = new Expectations(files);
    Map<String, String> h02 = catalogue().get("H02");
    Map<String, String> d01 = catalogue().get("D01");
    try (Connection c = NightlyRuns.readOnly(current())) {
      for (int y : YEARS) {
        long x = e.h02(y);
        long n = e.births(y, b -> true);
        List<Object> row = valueRow(c, "H02", y, "0");
        assertThat(row).as("H02 %d", y).isNotNull();
        double p = (double) x / n;
        double denom = 1 + Z * Z / n;
        double centre = (p + Z * Z / (2.0 * n)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n)) / denom;
        assertThat((Double) row.get(3))
            .as("H02 %d ci_low", y)
            .isCloseTo(100 * (centre - half), within(1e-9));
        assertThat((Double) row.get(4))
            .as("H02 %d ci_high", y)
            .isCloseTo(100 * (centre + half), within(1e-9));
        assertThat(row.get(7)).isEqualTo(h02.get("target_op"));
        assertThat(row.get(8)).isEqualTo(Double.valueOf(h02.get("target")));
        // ge: met when the exact value reaches the target
        assertThat(row.get(5))
            .as("H02 %d status (%d of %d)", y, x, n)
            .isEqualTo(x * 100 >= Double.parseDouble(h02.get("target")) * n ? "met" : "not_met");
        long women = e.villageCommittee(y, "2");
        long all = e.villageCommittee(y, null);
        assertThat(valueRow(c, "D01", y, "0").get(5))
            .as("D01 %d status (%d of %d)", y, women, all)
            .isEqualTo(
                women * 100 >= Double.parseDouble(d01.get("target")) * all ? "met" : "not_met");
      }
    }
  }

  @Test
  void nightly_NoIdentityNumberOrSecretAnywhereInSnapshotWorkDatabaseLakeOrFeed() throws Exception {
    IdentityNumbers ids = IdentityNumbers.of(files);
    assertThat(ids.size()).isGreaterThan(1_000);
    List<String> findings = new ArrayList<>();
    try (Connection c = NightlyRuns.memory()) {
      c.createStatement().execute("ATTACH '" + current().toRealPath() + "' AS snap (READ_ONLY)");
      c.createStatement()
          .execute("ATTACH '" + home.resolve("warehouse/work.duckdb") + "' AS work (READ_ONLY)");
      findings.addAll(prefixed("snapshot ", ids.scanCatalog(c, "snap")));
      findings.addAll(prefixed("work ", ids.scanCatalog(c, "work")));
      for (Path parquet : filesUnder(home.resolve("lake"), ".parquet")) {
        String relation = "read_parquet('" + parquet + "')";
        for (List<Object> col : query(c, "DESCRIBE SELECT * FROM " + relation)) {
          if ("VARCHAR".equals(col.get(1))) {
            findings.addAll(
                ids.scanQuery(
                    c,
                    relation,
                    (String) col.get(0),
                    "lake " + home.relativize(parquet) + "." + col.get(0)));
          }
        }
      }
      // the feed's tables are searched for anything shaped like a number too; the reports (public
      // and internal: html, json, docx and xlsx with their embedded chart workbooks) for every
      // identity number of the delivery, since their charts hold long decimals of any shape
      List<Path> published = new ArrayList<>(filesUnder(home.resolve("public"), ""));
      published.addAll(filesUnder(home.resolve("reports"), ""));
      for (Path file : published) {
        String name = file.getFileName().toString();
        boolean report = file.toString().contains("/reports/");
        String text =
            name.endsWith(".parquet")
                ? String.valueOf(query(c, "SELECT * FROM read_parquet('" + file + "')"))
                : name.endsWith(".docx") || name.endsWith(".xlsx")
                    ? zipText(Files.readAllBytes(file))
                    : Files.readString(file);
        for (String field : text.split("[,\\[\\]\\n\\r]+")) {
          ids.findIn(field.strip(), !report)
              .forEach(w -> findings.add((report ? "report " : "feed ") + name + ": " + w));
        }
        assertThat(text).as("the secret in %s", file).doesNotContain(NightlyRuns.SECRET);
      }
      for (String catalog : List.of("snap", "work")) {
        for (String table : NightlyRuns.tables(c, catalog)) {
          assertThat(
                  String.valueOf(
                      query(
                          c, "SELECT * FROM " + catalog + ".main.\"" + table + "\" LIMIT 100000")))
              .as("the secret in %s.%s", catalog, table)
              .doesNotContain(NightlyRuns.SECRET);
        }
      }
    }
    assertThat(run.output()).doesNotContain(NightlyRuns.SECRET);
    assertThat(ids.findIn(run.output(), false))
        .as("identity numbers in the job's output")
        .isEmpty();
    assertThat(findings.stream().distinct().toList()).as("identity numbers found").isEmpty();
  }

  @Test
  void nightly_LakeHoldsEveryModelTableWithTheSnapshotsRowCounts_FactsPartitionedByYear()
      throws Exception {
    Path lake = home.resolve("lake");
    try (Connection c = NightlyRuns.readOnly(current())) {
      List<String> models =
          NightlyRuns.tables(c, currentCatalog(c)).stream()
              .filter(t -> t.matches("(dim_|fact_|mart_|indicator).*"))
              .toList();
      assertThat(models).contains("fact_births", "dim_area", "mart_sex_age", "indicator_value");
      try (Stream<Path> dirs = Files.list(lake)) {
        assertThat(dirs.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactlyInAnyOrderElementsOf(models);
      }
      SoftAssertions soft = new SoftAssertions();
      for (String table : models) {
        long expected = count(c, "SELECT count(*) FROM \"" + table + "\"");
        long lakeRows =
            count(
                c,
                "SELECT count(*) FROM read_parquet('"
                    + lake.resolve(table)
                    + "/**/*.parquet', hive_partitioning = true)");
        soft.assertThat(lakeRows).as("rows of %s in the lake", table).isEqualTo(expected);
        boolean hasYear =
            count(
                    c,
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = '"
                        + table
                        + "' AND column_name = 'year'")
                > 0;
        if (table.startsWith("fact_") && hasYear && expected > 0) {
          try (Stream<Path> parts = Files.list(lake.resolve(table))) {
            soft.assertThat(parts.map(p -> p.getFileName().toString()).toList())
                .as("partitions of %s", table)
                .allMatch(n -> n.matches("year=([0-9]{4}|__HIVE_DEFAULT_PARTITION__)"));
          }
          soft.assertThat(
                  count(
                      c,
                      "SELECT count(*) FROM (SELECT year FROM \""
                          + table
                          + "\" EXCEPT SELECT year FROM read_parquet('"
                          + lake.resolve(table)
                          + "/**/*.parquet', hive_partitioning = true))"))
              .as("years of %s read back from the partitions", table)
              .isZero();
        }
      }
      soft.assertAll();
    }
  }

  @Test
  void nightly_PublicFeedHoldsOnlyTheTwoTablesAndNoTownshipCountOfOneToFour() throws Exception {
    Path feed = home.resolve("public");
    try (Stream<Path> list = Files.list(feed)) {
      assertThat(list.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder(
              "indicator_value.csv",
              "indicator_value.parquet",
              "mart_sex_age.csv",
              "mart_sex_age.parquet",
              "reports"); // the public reports, built from these tables alone
    }
    assertThat(filesUnder(feed.resolve("reports"), ""))
        .isNotEmpty()
        .allSatisfy(
            f ->
                assertThat(f.getFileName().toString())
                    .isIn("report.html", "report.docx", "report.json", "yearbook.xlsx"));
    try (Connection c = NightlyRuns.memory()) {
      c.createStatement().execute("ATTACH '" + current().toRealPath() + "' AS snap (READ_ONLY)");
      for (String format : List.of("csv", "parquet")) {
        String values = relation(feed.resolve("indicator_value." + format));
        String mart = relation(feed.resolve("mart_sex_age." + format));
        String townships = "(SELECT area_code FROM snap.dim_area WHERE area_level = 'township')";
        assertThat(
                count(
                    c,
                    "SELECT count(*) FROM "
                        + values
                        + " v JOIN snap.indicator i ON i.code = v.indicator_code WHERE v.area_code::varchar IN "
                        + townships
                        + " AND (v.numerator BETWEEN 1 AND 4 OR (i.unit = 'count' AND v.value BETWEEN 1 AND 4)"
                        + " OR (i.unit = 'years' AND v.denominator BETWEEN 1 AND 4))"))
            .as("township indicator cells of 1-4 persons published (%s)", format)
            .isZero();
        assertThat(
                count(
                    c,
                    "SELECT count(*) FROM "
                        + mart
                        + " WHERE area_code::varchar IN "
                        + townships
                        + " AND value BETWEEN 1 AND 4"))
            .as("township mart cells of 1-4 published (%s)", format)
            .isZero();
        // what is withheld is flagged
        assertThat(
                count(
                    c,
                    "SELECT count(*) FROM "
                        + values
                        + " v JOIN snap.indicator_value s ON s.indicator_code = v.indicator_code"
                        + " AND s.year = v.year AND s.area_code = v.area_code::varchar AND s.residence = v.residence"
                        + " AND s.sex = v.sex::varchar"
                        + " WHERE s.numerator IS NOT NULL AND v.numerator IS NULL"
                        + " AND coalesce(v.suppressed, '') NOT IN ('primary', 'secondary')"))
            .as("withheld numerators without a flag (%s)", format)
            .isZero();
        assertThat(count(c, "SELECT count(*) FROM " + values + " WHERE suppressed = 'primary'"))
            .as("primary suppressions in a small county (%s)", format)
            .isPositive();
        assertThat(
                count(
                    c,
                    "SELECT count(*) FROM "
                        + values
                        + " WHERE area_code::varchar NOT IN "
                        + townships
                        + " AND area_code::varchar <> '"
                        + COUNTY
                        + "'"))
            .as("village rows in the feed (%s)", format)
            .isZero();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static String relation(Path file) {
    return file.toString().endsWith(".csv")
        ? "read_csv('"
            + file
            + "', header = true, types = {'area_code': 'VARCHAR', 'suppressed': 'VARCHAR'"
            + (file.getFileName().toString().startsWith("indicator") ? ", 'sex': 'VARCHAR'" : "")
            + "})"
        : "read_parquet('" + file + "')";
  }

  private static String currentCatalog(Connection c) throws Exception {
    return (String) query(c, "SELECT current_database()").get(0).get(0);
  }

  private static void check(
      SoftAssertions soft,
      Connection c,
      String code,
      int year,
      String sex,
      long num,
      long den,
      double factor)
      throws Exception {
    List<Object> row = valueRow(c, code, year, sex);
    String what = code + " " + year + " sex " + sex;
    soft.assertThat(row).as("%s in indicator_value", what).isNotNull();
    if (row == null) {
      return;
    }
    soft.assertThat(row.get(0)).as("%s numerator", what).isEqualTo((double) num);
    soft.assertThat(row.get(1)).as("%s denominator", what).isEqualTo((double) den);
    if (den > 0) {
      soft.assertThat((Double) row.get(2))
          .as("%s value", what)
          .isCloseTo(num * factor / den, within(1e-9));
    }
    soft.assertThat(row.get(6)).as("%s basis", what).isEqualTo("computed");
  }

  /** numerator, denominator, value, ci_low, ci_high, status, basis, target_op, target. */
  private static List<Object> valueRow(Connection c, String code, int year, String sex)
      throws Exception {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT numerator, denominator, value, ci_low, ci_high, status, basis, target_op, target"
                + " FROM indicator_value WHERE indicator_code = ? AND year = ? AND area_code = ?"
                + " AND residence = 'all' AND sex = ?")) {
      st.setString(1, code);
      st.setInt(2, year);
      st.setString(3, COUNTY);
      st.setString(4, sex);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
          row.add(rs.getObject(i));
        }
        assertThat(rs.next()).as("one row for %s %d %s", code, year, sex).isFalse();
        return row;
      }
    }
  }

  /** The indicator catalogue the warehouse ships, by code. */
  static Map<String, Map<String, String>> catalogue() throws IOException {
    Map<String, Map<String, String>> byCode = new HashMap<>();
    try (var in =
            NightlyJobEndToEndTest.class.getResourceAsStream("/wds/warehouse/indicators.csv");
        CsvReader<NamedCsvRecord> csv =
            CsvReader.builder()
                .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      csv.forEach(r -> byCode.put(r.getField("code"), r.getFieldsAsMap()));
    }
    return byCode;
  }

  private static List<String> prefixed(String prefix, List<String> findings) {
    return findings.stream().map(f -> prefix + f).toList();
  }

  /** The text of every entry of a zip document (docx, xlsx), nested workbooks included. */
  static String zipText(byte[] zipped) throws IOException {
    StringBuilder text = new StringBuilder();
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipped))) {
      for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        byte[] content = zip.readAllBytes();
        boolean nested =
            content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3;
        text.append(
                nested
                    ? zipText(content)
                    : new String(content, java.nio.charset.StandardCharsets.UTF_8))
            .append('\n');
      }
    }
    return text.toString();
  }

  static List<Path> filesUnder(Path root, String suffix) throws IOException {
    try (Stream<Path> all = Files.walk(root.toRealPath())) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  private static String tail(String text) {
    return text.length() <= 3000 ? text : text.substring(text.length() - 3000);
  }

  /** The indicators' parts recomputed from the delivered files, the way warehouse.md reads them. */
  static final class Expectations {
    private final DeliveryFiles files;
    private final Map<String, List<DeliveryFiles.Row>> cache = new HashMap<>();

    Expectations(DeliveryFiles files) {
      this.files = files;
    }

    private List<DeliveryFiles.Row> rows(String source, String extract) {
      return cache.computeIfAbsent(
          source + "/" + extract,
          k ->
              files.rows(source, extract).stream()
                  .filter(r -> !r.get("deleted").equals("Y"))
                  .toList());
    }

    private static boolean inYear(String date, int year) {
      return !date.isEmpty() && LocalDate.parse(date).getYear() == year;
    }

    /** start <= day and (end empty or end > day). */
    private static boolean active(String start, String end, LocalDate day) {
      return !LocalDate.parse(start).isAfter(day)
          && (end.isEmpty() || LocalDate.parse(end).isAfter(day));
    }

    private static boolean atLeast(String number, int min) {
      return !number.isEmpty() && Integer.parseInt(number) >= min;
    }

    private static boolean atMost(String number, int max) {
      return !number.isEmpty() && Integer.parseInt(number) <= max;
    }

    long births(int year, Predicate<DeliveryFiles.Row> which) {
      return rows("health", "births").stream()
          .filter(b -> inYear(b.get("birth_date"), year))
          .filter(which)
          .count();
    }

    long h02(int year) {
      return rows("health", "pregnancies").stream()
          .filter(p -> p.get("outcome").equals("1") && inYear(p.get("outcome_date"), year))
          .filter(
              p -> atMost(p.get("first_visit_week"), 12) && atLeast(p.get("prenatal_visits"), 5))
          .filter(p -> p.get("postpartum_visit").equals("Y"))
          .count();
    }

    /** Distinct persons among rows active on 31 Dec, of a sex (null: all). */
    private long persons(Stream<DeliveryFiles.Row> rows, String sex) {
      Set<String> persons = new HashSet<>();
      rows.filter(r -> sex == null || DeliveryFiles.sex(r.get("id_number")).equals(sex))
          .forEach(r -> persons.add(DeliveryFiles.person(r.get("id_number"))));
      return persons.size();
    }

    long employed(int year, String sex) {
      LocalDate day = LocalDate.of(year, 12, 31);
      return persons(
          rows("hr", "employment").stream()
              .filter(r -> active(r.get("start_date"), r.get("end_date"), day)),
          sex);
    }

    long villageCommittee(int year, String sex) {
      LocalDate day = LocalDate.of(year, 12, 31);
      return persons(
          rows("civil", "committee_members").stream()
              .filter(r -> r.get("committee_type").equals("village"))
              .filter(r -> active(r.get("term_start"), r.get("term_end"), day)),
          sex);
    }

    long medicallyInsured(int year, String sex) {
      LocalDate day = LocalDate.of(year, 12, 31);
      return persons(
          rows("hr", "insurance").stream()
              .filter(r -> Set.of("medical_employee", "medical_resident").contains(r.get("scheme")))
              .filter(r -> active(r.get("start_date"), r.get("end_date"), day)),
          sex.equals("0") ? null : sex);
    }

    long seniorStudents(int year, String sex) {
      return persons(
          rows("education", "students").stream()
              .filter(r -> Integer.parseInt(r.get("school_year")) == year)
              .filter(
                  r -> Set.of("senior_general", "senior_vocational").contains(r.get("school_type")))
              .filter(r -> Set.of("enrolled", "graduated").contains(r.get("status"))),
          sex.equals("0") ? null : sex);
    }

    long divorces(int year) {
      return rows("civil", "marriages").stream()
          .filter(r -> r.get("kind").equals("divorce") && inYear(r.get("registration_date"), year))
          .map(r -> r.get("registration_no"))
          .distinct()
          .count();
    }

    long population(int year, String sex, int minAge, int maxAge) {
      return rows("population", "population").stream()
          .filter(r -> Integer.parseInt(r.get("year")) == year)
          .filter(r -> sex.equals("0") || r.get("sex").equals(sex))
          .filter(r -> atLeast(r.get("age"), minAge) && atMost(r.get("age"), maxAge))
          .mapToLong(r -> Long.parseLong(r.get("persons")))
          .sum();
    }

    /** The county's return (sex 0) of a reported indicator: the most recently updated one. */
    Map<String, String> countyReturn(String code, int year) {
      return rows("reports", "indicator_reports").stream()
          .filter(
              r ->
                  r.get("indicator_code").equals(code)
                      && r.get("year").equals(Integer.toString(year)))
          .filter(r -> r.get("area_code").equals(COUNTY) && r.get("sex").equals("0"))
          .max(java.util.Comparator.comparing(r -> r.get("updated_at")))
          .map(DeliveryFiles.Row::values)
          .orElse(null);
    }
  }
}
