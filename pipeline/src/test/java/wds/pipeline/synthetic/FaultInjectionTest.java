package wds.pipeline.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.pipeline.validate.RejectReason;

/** Injected faults: every reason present, each listed row in its file and faulty that way. */
class FaultInjectionTest {

  static final LocalDate DATE = LocalDate.of(2026, 1, 15);

  @TempDir static Path out;
  static List<CsvRecord> listed;

  @BeforeAll
  static void generate() {
    CountyGenerator.generate(
        GeneratorSettings.defaults().withPersons(3_000).withBadRowRate(0.001), out);
    listed = Deliveries.records(out.resolve(CountyGenerator.FAULTS_FILE), StandardCharsets.UTF_8);
    listed = listed.subList(1, listed.size());
  }

  @Test
  void everyReasonCodeIsInjectedEvenInASmallCounty() {
    Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
    listed.forEach(r -> reasons.add(RejectReason.valueOf(r.getField(5))));
    assertThat(reasons).containsExactlyInAnyOrder(RejectReason.values());
  }

  @Test
  void theFaultListHoldsNoIdentityNumber() throws IOException {
    String text = Files.readString(out.resolve(CountyGenerator.FAULTS_FILE));
    assertThat(text).doesNotContainPattern("\\d{17}[\\dXx]");
    assertThat(text).doesNotContainPattern("(?<![\\dA-Z])\\d{15}(?!\\d)");
  }

  @Test
  void eachListedRowIsOnItsLineAndFaultyInTheListedWay() throws IOException {
    for (CsvRecord fault : listed) {
      String source = fault.getField(0);
      Extract e = extract(source, fault.getField(1));
      Path file = out.resolve(source).resolve(fault.getField(2));
      int line = Integer.parseInt(fault.getField(3));
      RejectReason reason = RejectReason.valueOf(fault.getField(5));
      Charset charset = Deliveries.charset(source);
      byte[] raw = physicalLine(file, line);
      CsvRecord rec = Deliveries.records(file, charset).get(line - 1);
      String[] f = rec.getFields().toArray(String[]::new);
      String where = file.getFileName() + ":" + line + " " + reason;
      if (reason == RejectReason.MALFORMED_ROW) {
        boolean badBytes = !decodes(raw, charset);
        boolean wrongCount = f.length != e.width();
        boolean brokenQuote = new String(raw, charset).contains("\"x,");
        assertThat(badBytes || wrongCount || brokenQuote).as(where).isTrue();
        continue;
      }
      assertThat(decodes(raw, charset)).as(where).isTrue();
      assertThat(f).as(where).hasSize(e.width());
      assertThat(e.key(f)).as(where).isEqualTo(fault.getField(4));
      switch (reason) {
        case MISSING_REQUIRED ->
            assertThat(
                    e.schema().columns().stream()
                        .filter(c -> c.required())
                        .anyMatch(c -> f[e.column(c.name())].isEmpty()))
                .as(where)
                .isTrue();
        case BAD_ID_FORMAT, BAD_ID_CHECKSUM -> {
          InvalidIdentityNumberException.Fault expected =
              reason == RejectReason.BAD_ID_FORMAT
                  ? InvalidIdentityNumberException.Fault.FORMAT
                  : InvalidIdentityNumberException.Fault.CHECKSUM;
          assertThat(idFaults(e, f)).as(where).containsExactly(expected);
        }
        case SEX_CONFLICT -> {
          assertThat(idFaults(e, f)).as(where).isEmpty();
          assertThat(parse(f[e.column("id_number")]).sex().code()).isNotEqualTo(f[e.column("sex")]);
        }
        case BAD_DATE -> assertThat(hasBadDate(e, f)).as(where).isTrue();
        case FUTURE_DATE -> {
          assertThat(hasBadDate(e, f)).as(where).isFalse();
          assertThat(
                  e.schema().columns().stream()
                      .filter(c -> c.checksFuture() && !f[e.column(c.name())].isEmpty())
                      .anyMatch(c -> LocalDate.parse(f[e.column(c.name())]).isAfter(DATE)))
              .as(where)
              .isTrue();
        }
        case UNKNOWN_AREA -> assertThat(f).as(where).contains(FaultInjector.UNKNOWN_AREA);
        case DUPLICATE_KEY ->
            assertThat(
                    listed.stream()
                        .filter(o -> o.getField(2).equals(fault.getField(2)))
                        .filter(o -> o.getField(4).equals(fault.getField(4)))
                        .count())
                .as(where)
                .isEqualTo(2);
        default -> {
          // BAD_CODE, OUT_OF_RANGE: the row is otherwise clean
          assertThat(idFaults(e, f)).as(where).isEmpty();
          assertThat(hasBadDate(e, f)).as(where).isFalse();
        }
      }
    }
  }

  private static Extract extract(String source, String name) {
    for (Extract e : Extract.values()) {
      if (e.source().equals(source) && e.extractName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no extract " + source + "/" + name);
  }

  private static List<InvalidIdentityNumberException.Fault> idFaults(Extract e, String[] f) {
    List<InvalidIdentityNumberException.Fault> faults = new ArrayList<>();
    e.schema().columns().stream()
        .filter(c -> c.type() == wds.schemas.ColumnType.ID_NUMBER)
        .forEach(
            c -> {
              try {
                IdentityNumber.parse(f[e.column(c.name())]);
              } catch (InvalidIdentityNumberException ex) {
                faults.add(ex.fault());
              }
            });
    return faults;
  }

  private static boolean hasBadDate(Extract e, String[] f) {
    for (var c : e.schema().columns()) {
      String v = f[e.column(c.name())];
      if (c.type() == wds.schemas.ColumnType.DATE && !v.isEmpty()) {
        try {
          LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException ex) {
          return true;
        }
      }
    }
    return false;
  }

  private static IdentityNumber parse(String id) {
    try {
      return IdentityNumber.parse(id);
    } catch (InvalidIdentityNumberException ex) {
      throw new AssertionError(ex.getMessage());
    }
  }

  private static boolean decodes(byte[] bytes, Charset charset) {
    CharsetDecoder d =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      d.decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException ex) {
      return false;
    }
  }

  /** The bytes of a 1-based physical line (CRLF-separated). */
  private static byte[] physicalLine(Path file, int line) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int start = 0;
    for (int n = 1; n < line; n++) {
      while (all[start] != '\n') {
        start++;
      }
      start++;
    }
    int end = start;
    while (all[end] != '\r') {
      end++;
    }
    return java.util.Arrays.copyOfRange(all, start, end);
  }
}
