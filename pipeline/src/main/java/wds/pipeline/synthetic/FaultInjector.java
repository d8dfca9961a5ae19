package wds.pipeline.synthetic;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.schemas.Column;
import wds.schemas.ColumnType;

/**
 * Replaces a fraction of rows by faulty ones, each faulty in exactly one way so that its reject
 * reason is unambiguous, and lists them in {@code injected-faults.csv} (source, extract, file,
 * line, key, reason; never an identity number). When the rate is above zero every kind is injected
 * at least once: first into a chosen extract, failing that into any that allows it.
 */
final class FaultInjector implements Closeable {

  /** An unknown 12-digit area code: well-formed, absent from the areas extract. */
  static final String UNKNOWN_AREA = "652323999999";

  private static final long TOPIC = 95;
  private static final int FALLBACK_AFTER = 5_000;

  /** Where each kind goes first; bad bytes twice, once in a UTF-8 and once in a GB18030 file. */
  private static final List<Map.Entry<FaultKind, Extract>> FIRST_HOMES =
      List.of(
          Map.entry(FaultKind.EXTRA_FIELD, Extract.BIRTHS),
          Map.entry(FaultKind.MISSING_FIELD, Extract.EMPLOYMENT),
          Map.entry(FaultKind.BAD_BYTES, Extract.PREGNANCIES),
          Map.entry(FaultKind.BAD_BYTES, Extract.MARRIAGES),
          Map.entry(FaultKind.BROKEN_QUOTE, Extract.INSURANCE),
          Map.entry(FaultKind.MISSING_REQUIRED, Extract.CANCER_SCREENINGS),
          Map.entry(FaultKind.BAD_ID_FORMAT, Extract.INSURANCE),
          Map.entry(FaultKind.BAD_ID_CHECKSUM, Extract.BIRTHS),
          Map.entry(FaultKind.SEX_CONFLICT, Extract.STUDENTS),
          Map.entry(FaultKind.BAD_DATE, Extract.ASSISTANCE),
          Map.entry(FaultKind.FUTURE_DATE, Extract.EMPLOYMENT),
          Map.entry(FaultKind.BAD_CODE, Extract.BIRTHS),
          Map.entry(FaultKind.OUT_OF_RANGE, Extract.PREGNANCIES),
          Map.entry(FaultKind.UNKNOWN_AREA, Extract.COMMITTEE_MEMBERS),
          Map.entry(FaultKind.DUPLICATE_KEY, Extract.MARRIAGES));

  private final double rate;
  private final LocalDate extractDate;
  private final Dice dice;
  private final List<Map.Entry<FaultKind, Extract>> pending = new ArrayList<>();
  private final Map<Extract, String[]> lastClean = new EnumMap<>(Extract.class);
  private final CsvWriter list;
  private long rows;
  private long injected;

  FaultInjector(long seed, double rate, LocalDate extractDate, Path listFile) throws IOException {
    this.rate = rate;
    this.extractDate = extractDate;
    this.dice = Dice.of(seed, TOPIC, extractDate.toEpochDay());
    if (rate > 0) {
      pending.addAll(FIRST_HOMES);
    }
    this.list =
        CsvWriter.builder()
            .lineDelimiter(LineDelimiter.CRLF)
            .build(Files.newBufferedWriter(listFile, StandardCharsets.UTF_8));
    list.writeRecord("source", "extract", "file", "line", "key", "reason");
  }

  long injected() {
    return injected;
  }

  /** Writes a row to its file, or a faulty version of it. */
  void write(Extract extract, ExtractFile file, String[] row, boolean tombstone)
      throws IOException {
    rows++;
    if (rate <= 0 || extract.reference() || tombstone) {
      file.write(row);
      return;
    }
    FaultKind kind = null;
    for (int i = 0; i < pending.size(); i++) {
      Map.Entry<FaultKind, Extract> p = pending.get(i);
      boolean home = p.getValue() == extract;
      if ((home || rows > FALLBACK_AFTER) && applies(p.getKey(), extract, file, row)) {
        if (p.getKey() == FaultKind.BAD_BYTES
            && !home
            && file.charset() != charsetOf(p.getValue())) {
          continue;
        }
        kind = p.getKey();
        pending.remove(i);
        break;
      }
    }
    if (kind == null && dice.chance(rate)) {
      FaultKind[] kinds = FaultKind.values();
      FaultKind pick = kinds[dice.between(0, kinds.length - 1)];
      if (applies(pick, extract, file, row)) {
        kind = pick;
      }
    }
    if (kind == null) {
      file.write(row);
      lastClean.put(extract, row);
      return;
    }
    inject(kind, extract, file, row);
  }

  /**
   * Injects the kinds still pending into a copy of the last clean row of an extract that allows
   * them, under a new key, so that every kind appears even in a small delivery.
   */
  void finish(Map<Extract, ExtractFile> files) throws IOException {
    for (Map.Entry<FaultKind, Extract> p : List.copyOf(pending)) {
      for (Extract e : orderFor(p)) {
        String[] clean = lastClean.get(e);
        if (clean == null) {
          continue;
        }
        String[] row = clean.clone();
        int k = e.column(e.schema().primaryKey().get(0));
        row[k] = row[k] + "9";
        if (applies(p.getKey(), e, files.get(e), row)) {
          inject(p.getKey(), e, files.get(e), row);
          pending.remove(p);
          break;
        }
      }
    }
  }

  private List<Extract> orderFor(Map.Entry<FaultKind, Extract> p) {
    List<Extract> order = new ArrayList<>();
    order.add(p.getValue());
    for (Extract e : Extract.values()) {
      if (e != p.getValue()) {
        order.add(e);
      }
    }
    return order;
  }

  /** The kinds that could not be injected anywhere (an empty delivery). */
  List<FaultKind> notInjected() {
    return pending.stream().map(Map.Entry::getKey).toList();
  }

  private static Charset charsetOf(Extract e) {
    return e.source().equals("civil") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
  }

  private boolean applies(FaultKind kind, Extract e, ExtractFile file, String[] row) {
    if (kind.malformed()) {
      return file.acceptsRaw();
    }
    return switch (kind) {
      case MISSING_REQUIRED -> requiredColumn(e, row) >= 0;
      case BAD_ID_FORMAT, BAD_ID_CHECKSUM -> idColumn(e, row) >= 0;
      case SEX_CONFLICT -> sexColumn(e, row) >= 0;
      case BAD_DATE -> dateColumn(e, row, false) >= 0;
      case FUTURE_DATE -> dateColumn(e, row, true) >= 0;
      case BAD_CODE -> codeColumn(e) >= 0;
      case OUT_OF_RANGE -> rangeColumn(e) >= 0;
      case UNKNOWN_AREA -> areaColumn(e) >= 0;
      case DUPLICATE_KEY -> true;
      default -> false;
    };
  }

  private void inject(FaultKind kind, Extract e, ExtractFile file, String[] row)
      throws IOException {
    String key = e.key(row);
    String[] bad = row.clone();
    switch (kind) {
      case EXTRA_FIELD -> {
        String[] wider = java.util.Arrays.copyOf(row, row.length + 1);
        wider[row.length] = "";
        file.writeRaw(line(wider, file.charset(), -1, -1));
      }
      case MISSING_FIELD ->
          file.writeRaw(line(java.util.Arrays.copyOf(row, row.length - 1), file.charset(), -1, -1));
      case BAD_BYTES -> file.writeRaw(line(row, file.charset(), 0, -1));
      case BROKEN_QUOTE -> file.writeRaw(line(row, file.charset(), -1, 0));
      case MISSING_REQUIRED -> bad[requiredColumn(e, row)] = "";
      case BAD_ID_FORMAT -> {
        int c = idColumn(e, row);
        String n = normalised(row[c]);
        bad[c] =
            dice.chance(0.5)
                ? n.substring(0, 10) + "13" + n.substring(12) // an impossible month
                : n.substring(0, 8) + "A" + n.substring(9);
      }
      case BAD_ID_CHECKSUM -> {
        int c = idColumn(e, row);
        String n = normalised(row[c]);
        String checks = "10X98765432";
        char wrong = checks.charAt((checks.indexOf(n.charAt(17)) + 1 + dice.between(0, 9)) % 11);
        bad[c] = n.substring(0, 17) + wrong;
      }
      case SEX_CONFLICT -> {
        int c = sexColumn(e, row);
        bad[c] = row[c].equals("1") ? "2" : "1";
      }
      case BAD_DATE -> {
        int c = dateColumn(e, row, false);
        bad[c] = dice.chance(0.5) ? row[c].substring(0, 4) + "-02-30" : row[c].replace('-', '/');
      }
      case FUTURE_DATE -> {
        int c = dateColumn(e, row, true);
        bad[c] = extractDate.plusDays(dice.between(1, 120)).toString();
      }
      case BAD_CODE -> {
        int c = codeColumn(e);
        Column col = e.schema().columns().get(c);
        bad[c] = col.type() == ColumnType.FLAG ? "X" : (col.pattern() != null ? "C53.9" : "ZZ");
      }
      case OUT_OF_RANGE -> {
        int c = rangeColumn(e);
        Column col = e.schema().columns().get(c);
        bad[c] =
            col.max() != null
                ? col.max()
                    .add(java.math.BigDecimal.valueOf(col.name().equals("grade") ? 3 : 1))
                    .toPlainString()
                : col.min().subtract(java.math.BigDecimal.ONE).toPlainString();
      }
      case UNKNOWN_AREA -> bad[areaColumn(e)] = UNKNOWN_AREA;
      case DUPLICATE_KEY -> {
        file.write(row);
        record(e, file, key, kind);
        int u = e.column("updated_at");
        bad[u] = LocalDateTime.parse(row[u]).plusSeconds(1).format(DeliveryWriter.TIMESTAMP);
      }
      default -> throw new IllegalStateException(kind.name());
    }
    if (!kind.malformed()) {
      file.write(bad);
    }
    record(e, file, key, kind);
  }

  private void record(Extract e, ExtractFile file, String key, FaultKind kind) {
    injected++;
    list.writeRecord(
        e.source(),
        e.extractName(),
        file.path().getFileName().toString(),
        Long.toString(file.records() + 1),
        key,
        kind.reason().name());
  }

  /**
   * A raw CSV line: fields quoted where needed, CRLF at the end; with {@code badBytesIn} the field
   * gets bytes invalid in the charset appended, with {@code brokenQuoteIn} the field is quoted and
   * followed by a stray character.
   */
  private static byte[] line(String[] fields, Charset charset, int badBytesIn, int brokenQuoteIn) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.writeBytes(",".getBytes(charset));
      }
      String f = fields[i];
      if (i == brokenQuoteIn) {
        b.writeBytes(("\"" + f.replace("\"", "\"\"") + "\"x").getBytes(charset));
        continue;
      }
      boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
      String text = quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
      b.writeBytes(text.getBytes(charset));
      if (i == badBytesIn) {
        b.writeBytes(
            charset.equals(StandardCharsets.UTF_8)
                ? new byte[] {(byte) 0xFF}
                : new byte[] {(byte) 0x81, (byte) 0x21});
      }
    }
    b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private static String normalised(String id) {
    try {
      return IdentityNumber.parse(id).normalised();
    } catch (InvalidIdentityNumberException ex) {
      throw new IllegalStateException("the generator wrote an invalid identity number", ex);
    }
  }

  private static int requiredColumn(Extract e, String[] row) {
    List<String> key = e.schema().primaryKey();
    List<Column> cols = e.schema().columns();
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      if (c.required()
          && !key.contains(c.name())
          && !c.name().equals("updated_at")
          && !row[i].isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private static int idColumn(Extract e, String[] row) {
    List<Column> cols = e.schema().columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).type() == ColumnType.ID_NUMBER && !row[i].isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private static int sexColumn(Extract e, String[] row) {
    List<Column> cols = e.schema().columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).sexOf() != null && (row[i].equals("1") || row[i].equals("2"))) {
        return i;
      }
    }
    return -1;
  }

  private static int dateColumn(Extract e, String[] row, boolean future) {
    List<Column> cols = e.schema().columns();
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      if (c.type() == ColumnType.DATE && !row[i].isEmpty() && (!future || c.checksFuture())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A code column whose bad value triggers nothing earlier: not a key, not a sex checked against a
   * number, not the pregnancy outcome (an unknown outcome would make its date required).
   */
  private static int codeColumn(Extract e) {
    List<Column> cols = e.schema().columns();
    int fallback = -1;
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      boolean coded =
          c.type() == ColumnType.CODE
              && (!c.codes().isEmpty() || c.pattern() != null || c.codesFrom() != null);
      if (!coded || c.sexOf() != null || c.name().equals("outcome")) {
        continue;
      }
      if (!e.schema().primaryKey().contains(c.name())) {
        return i;
      }
      if (fallback < 0) {
        fallback = i;
      }
    }
    return fallback;
  }

  private static int rangeColumn(Extract e) {
    List<Column> cols = e.schema().columns();
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      if ((c.min() != null || c.max() != null) && !e.schema().primaryKey().contains(c.name())) {
        return i;
      }
    }
    return -1;
  }

  private static int areaColumn(Extract e) {
    List<Column> cols = e.schema().columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).type() == ColumnType.AREA) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    list.close();
  }
}
