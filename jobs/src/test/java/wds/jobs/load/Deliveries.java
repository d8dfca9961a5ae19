package wds.jobs.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import wds.pipeline.person.IdentityNumber;

/** Small hand-made deliveries for the load job's tests: areas and assistance cases. */
final class Deliveries {

  static final String SECRET =
      java.util.Base64.getEncoder()
          .encodeToString("job-test-secret-0123456789".getBytes(StandardCharsets.US_ASCII));
  static final String AREAS =
      "area_code,name,level,parent_code,urban_rural_code,committee_type,updated_at";
  static final String ASSISTANCE =
      "case_no,id_number,program,start_date,end_date,monthly_amount,residence_area_code,"
          + "updated_at,deleted";

  private Deliveries() {}

  static String id(int n) {
    return IdentityNumber.of("652323", LocalDate.of(1975, 6, 1).plusDays(n), 2 * (n % 400) + 2)
        .normalised();
  }

  /** Three nights: areas, then assistance cases with a few bad rows each night. */
  static void write(Path drop) throws IOException {
    LocalDate night = LocalDate.of(2025, 3, 1);
    file(
        drop,
        "population",
        night,
        "areas",
        "full",
        AREAS,
        List.of(
            "652323000000,呼图壁县,county,,,,2025-01-01T00:00:00",
            "652323100000,呼图壁镇,township,652323000000,,,2025-01-01T00:00:00",
            "652323100001,东风村,village,652323100000,210,village,2025-01-01T00:00:00"));
    for (int n = 0; n < 3; n++) {
      LocalDate date = night.plusDays(n);
      List<String> rows = new ArrayList<>();
      for (int k = 0; k < 20; k++) {
        rows.add(
            String.join(
                ",",
                "C" + (k + 10 * n),
                id(k + 10 * n),
                "dibao_rural",
                "2024-01-01",
                "",
                Integer.toString(100 + k),
                "652323100001",
                date.minusDays(1) + "T08:00:00",
                ""));
      }
      rows.add(
          String.join(
              ",",
              "BAD" + n,
              id(900 + n),
              "dibao_rural",
              "2024-01-01",
              "",
              "5",
              "652323999999",
              date.minusDays(1) + "T08:00:00",
              "")); // UNKNOWN_AREA
      rows.add(
          String.join(
              ",",
              "BADID" + n,
              id(950 + n).substring(0, 17) + "Z",
              "dibao_rural",
              "2024-01-01",
              "",
              "5",
              "652323100001",
              date.minusDays(1) + "T08:00:00",
              "")); // BAD_ID
      file(drop, "civil", date, "assistance", "delta", ASSISTANCE, rows);
    }
  }

  static void file(
      Path drop,
      String source,
      LocalDate date,
      String extract,
      String mode,
      String header,
      List<String> rows)
      throws IOException {
    String day = date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    Path folder = Files.createDirectories(drop.resolve(source));
    Path file = folder.resolve(extract + "_" + day + ".csv");
    Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    String sha;
    try {
      sha =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Files.writeString(
        folder.resolve("manifest_" + day + ".json"),
        "{\"source\": \""
            + source
            + "\", \"extract_date\": \""
            + date
            + "\", \"files\": [{\"name\": \""
            + file.getFileName()
            + "\", \"extract\": \""
            + extract
            + "\", \"rows\": "
            + rows.size()
            + ", \"sha256\": \""
            + sha
            + "\", \"encoding\": \"UTF-8\", \"mode\": \""
            + mode
            + "\"}]}");
  }

  static void secret(Path home) throws IOException {
    Path key = home.resolve("state/pseudonym.key");
    Files.createDirectories(key.getParent());
    Files.writeString(key, SECRET);
  }
}
