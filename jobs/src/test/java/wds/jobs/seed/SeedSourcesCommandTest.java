package wds.jobs.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.MariaDb;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.TestDatabase;
import wds.pipeline.jdbc.JdbcRecordReader;
import wds.pipeline.jdbc.TableName;
import wds.pipeline.read.RawRecord;
import wds.schemas.SchemaCatalog;

@ExtendWith(DatabaseServers.class)
class SeedSourcesCommandTest {

  private static final SchemaCatalog CATALOG = SchemaCatalog.load();
  private static final String BIRTHS_HEADER =
      "cert_no,mother_id_number,child_sex,birth_date,gestation_weeks,birth_weight_g,"
          + "delivery_place,delivery_mode,residence_area_code,updated_at,deleted";

  @Test
  void aSeededDeliveryIsPulledBackAsTheFilesCarriedIt(
      @TempDir Path drop, @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb)
      throws Exception {
    deliver(
        drop,
        "health",
        "20250301",
        "births",
        StandardCharsets.UTF_8,
        BIRTHS_HEADER,
        "B1,652323199001010021,1,2025-02-01,39,3200,1,1,652323100001,2025-03-01T08:00:00,N",
        "B2,652323199001010021,2,2025-02-02,,,2,2,652323100001,2025-03-01T08:00:01,",
        "B3,652323199001010021,2,2025-02-30,40,3100,1,1,652323100001,2025-03-01T08:00:02,N",
        "B4,652323199001010021,1,2025-02-03,abc,3100,1,1,652323100001,2025-03-01T08:00:03,N",
        "B6,652323199001010021,7,2025-02-03,50,99999,1,1,652323100001,2025-03-01T08:00:04,X");
    deliver(
        drop,
        "health",
        "20250302",
        "births",
        StandardCharsets.UTF_8,
        BIRTHS_HEADER,
        "B1,652323199001010021,1,2025-02-01,39,3300,1,1,652323100001,2025-03-02T09:00:00,N",
        "B2,652323199001010021,2,2025-02-02,41,4000,2,2,652323100001,2025-02-28T00:00:00,N",
        "B5,65232319900101002x,9,2025-03-01,38,2900,3,1,652323100002,2025-03-02T09:30:00,Y");
    deliver(
        drop,
        "hr",
        "20250301",
        "employment",
        StandardCharsets.UTF_8,
        "record_id,id_number,employer_type,industry,start_date,end_date,monthly_wage,"
            + "work_area_code,updated_at",
        "E1,652323199001010021,private,C,2020-01-31,,3500.50,652323100001,2025-03-01T10:00:00",
        "E2,652323199001010021,flexible,,2019-12-01,2024-06-30,0.00,652323100002,"
            + "2025-03-01T10:00:00");
    deliver(
        drop,
        "population",
        "20250301",
        "areas",
        Charset.forName("GB18030"),
        "area_code,name,level,parent_code,urban_rural_code,committee_type,updated_at",
        "652323000000,呼图壁县,county,,,,2025-01-01T00:00:00");

    StringWriter out = new StringWriter();
    int exit =
        seed(
            drop,
            out,
            "health=" + postgres.url(),
            "hr=" + mariadb.url(),
            "population=" + postgres.url());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("health/births births_20250301.csv: 5 read, 3 stored, 2 not storable")
        .contains("birth_date: not an ISO date=1")
        .contains("gestation_weeks: not a whole number=1")
        .contains("seeded 4 file(s) of 3 source(s): 11 rows read, 9 stored, 2 not storable");

    Map<String, List<String>> births = pullAll(postgres, "health", "births");
    assertThat(births.keySet()).containsExactly("B1", "B2", "B5", "B6");
    assertThat(births.get("B1"))
        .as("the newer version wins")
        .containsExactly(
            "B1",
            "652323199001010021",
            "1",
            "2025-02-01",
            "39",
            "3300",
            "1",
            "1",
            "652323100001",
            "2025-03-02T09:00:00",
            "N");
    assertThat(births.get("B2"))
        .as("an older version changes nothing")
        .containsExactly(
            "B2",
            "652323199001010021",
            "2",
            "2025-02-02",
            "",
            "",
            "2",
            "2",
            "652323100001",
            "2025-03-01T08:00:01",
            "");
    assertThat(births.get("B5")).contains("65232319900101002x", "Y");
    assertThat(births.get("B6"))
        .as("faults a typed table can hold reach it, for the validator to judge")
        .contains("7", "50", "99999", "X");

    Map<String, List<String>> employment = pullAll(mariadb, "hr", "employment");
    assertThat(employment.get("E1"))
        .containsExactly(
            "E1",
            "652323199001010021",
            "private",
            "C",
            "2020-01-31",
            "",
            "3500.5",
            "652323100001",
            "2025-03-01T10:00:00",
            "");
    assertThat(employment.get("E2")).contains("", "2024-06-30", "0");

    assertThat(pullAll(postgres, "population", "areas").get("652323000000"))
        .as("GB18030 decoded as the manifest says")
        .contains("呼图壁县");
  }

  @Test
  void seedingTheSameDeliveryTwiceLeavesTheTablesAsOnce(
      @TempDir Path drop, @MariaDb TestDatabase mariadb) throws Exception {
    deliver(
        drop,
        "health",
        "20250301",
        "births",
        StandardCharsets.UTF_8,
        BIRTHS_HEADER,
        "C1,652323199001010021,1,2025-02-01,39,3200,1,1,652323100001,2025-03-01T08:00:00,N",
        "C2,652323199001010021,2,2025-02-02,,,2,2,652323100001,2025-03-01T08:00:01,");
    assertThat(seed(drop, new StringWriter(), "health=" + mariadb.url())).isZero();
    Map<String, List<String>> once = pullAll(mariadb, "health", "births");

    assertThat(seed(drop, new StringWriter(), "health=" + mariadb.url())).isZero();

    assertThat(pullAll(mariadb, "health", "births")).isEqualTo(once).hasSize(2);

    deliver(
        drop,
        "health",
        "20250302",
        "births",
        StandardCharsets.UTF_8,
        BIRTHS_HEADER,
        "C1,652323199001010021,1,2025-02-01,39,9999,1,1,652323100001,2025-02-01T08:00:00,N",
        "C2,652323199001010021,2,2025-02-02,40,3000,2,2,652323100001,2025-03-02T08:00:01,Y");
    assertThat(seed(drop, new StringWriter(), "health=" + mariadb.url())).isZero();

    Map<String, List<String>> after = pullAll(mariadb, "health", "births");
    assertThat(after.get("C1")).as("an older version changes nothing").isEqualTo(once.get("C1"));
    assertThat(after.get("C2"))
        .as("a newer version replaces every column")
        .containsExactly(
            "C2",
            "652323199001010021",
            "2",
            "2025-02-02",
            "40",
            "3000",
            "2",
            "2",
            "652323100001",
            "2025-03-02T08:00:01",
            "Y");
  }

  @Test
  void aSourceWithoutADeliveryIsAnErrorNamingTheFolder(
      @TempDir Path drop, @Postgres TestDatabase postgres) {
    StringWriter err = new StringWriter();
    CommandLine cli = WdsCli.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit =
        cli.execute(
            "seed-sources", "--drop", drop.toString(), "--source", "health=" + postgres.url());
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("no delivery of source health").contains(drop.toString());
  }

  static int seed(Path drop, StringWriter out, String... sources) {
    CommandLine cli = WdsCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    List<String> args = new ArrayList<>(List.of("seed-sources", "--drop", drop.toString()));
    for (String s : sources) {
      args.add("--source");
      args.add(s);
    }
    return cli.execute(args.toArray(String[]::new));
  }

  /** Every row of the extract's source table as text, by primary key (first column). */
  static Map<String, List<String>> pullAll(TestDatabase db, String source, String extract)
      throws SQLException, IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    try (JdbcRecordReader reader =
        JdbcRecordReader.open(
            db.connect(), CATALOG.get(source, extract), TableName.parse(extract), null, 50)) {
      for (RawRecord r = reader.next(); r != null; r = reader.next()) {
        rows.put(r.values()[0], List.of(r.values()));
      }
      assertThat(reader.sourceCount()).isEqualTo(rows.size());
    }
    return rows;
  }

  static void deliver(
      Path drop,
      String source,
      String date,
      String extract,
      Charset charset,
      String header,
      String... rows)
      throws IOException {
    Path folder = Files.createDirectories(drop.resolve(source));
    String name = extract + "_" + date + ".csv";
    Files.writeString(
        folder.resolve(name), header + "\n" + String.join("\n", rows) + "\n", charset);
    String day = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6);
    Files.writeString(
        folder.resolve("manifest_" + date + ".json"),
        "{\"source\": \""
            + source
            + "\", \"extract_date\": \""
            + day
            + "\", \"files\": [{\"name\": \""
            + name
            + "\", \"extract\": \""
            + extract
            + "\", \"rows\": "
            + rows.length
            + ", \"sha256\": \"\", \"encoding\": \""
            + charset.name()
            + "\", \"mode\": \"delta\"}]}");
  }
}
