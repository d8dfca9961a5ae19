package wds.jobs.nightly;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity numbers of a generated delivery (every form they were written in, and the 18-digit
 * form of the legacy ones), and a scanner that finds them, or anything shaped like one, in text,
 * tables and files.
 */
final class IdentityNumbers {

  /** An 18- or 15-character identity-number shape standing alone. */
  static final Pattern SHAPE =
      Pattern.compile("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");

  /** A decimal number as CSV writes a double (its digits are no identity number's). */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+([Ee][-+]?[0-9]+)?");

  private final Set<String> known = new HashSet<>();

  /** Every value of every column named like an identity number in every file of a drop folder. */
  static IdentityNumbers of(DeliveryFiles drop) {
    IdentityNumbers ids = new IdentityNumbers();
    for (Map.Entry<Path, Charset> file : drop.allFiles().entrySet()) {
      List<CsvRecord> records = DeliveryFiles.records(file.getKey(), file.getValue());
      List<Integer> idColumns = new ArrayList<>();
      List<String> header = records.get(0).getFields();
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).contains("id_number")) {
          idColumns.add(i);
        }
      }
      for (CsvRecord r : records.subList(1, records.size())) {
        for (int i : idColumns) {
          if (i < r.getFieldCount()) {
            ids.add(r.getField(i));
          }
        }
      }
    }
    return ids;
  }

  private void add(String raw) {
    String s = raw.strip().toUpperCase(Locale.ROOT);
    if (s.length() < 15) {
      return; // an emptied or cut value (an injected fault) names nobody
    }
    known.add(s);
    if (s.length() == 15 && s.chars().allMatch(Character::isDigit)) {
      String body = s.substring(0, 6) + "19" + s.substring(6);
      known.add(body + check(body));
    }
  }

  int size() {
    return known.size();
  }

  boolean contains(String id) {
    return known.contains(id.toUpperCase(Locale.ROOT));
  }

  /** ISO 7064 MOD 11-2 check character of 17 digits (GB 11643). */
  static char check(String body) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * w[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  /** What in {@code value} is an identity number of the delivery or shaped like one. */
  List<String> findIn(String value, boolean shapes) {
    List<String> found = new ArrayList<>();
    if (value == null || value.length() < 15) {
      return found;
    }
    if (shapes && !DECIMAL.matcher(value).matches() && SHAPE.matcher(value).find()) {
      found.add("shape");
    }
    String upper = value.toUpperCase(Locale.ROOT);
    for (int i = 0; i + 15 <= upper.length(); i++) {
      if (!Character.isDigit(upper.charAt(i))) {
        continue;
      }
      if (known.contains(upper.substring(i, i + 15))
          || (i + 18 <= upper.length() && known.contains(upper.substring(i, i + 18)))) {
        found.add("known identity number");
        break;
      }
    }
    return found;
  }

  /**
   * Scans every VARCHAR column of every table of a catalog attached to {@code c}; returns the
   * findings as "table.column: what" (never the value itself).
   */
  List<String> scanCatalog(Connection c, String catalog) throws SQLException {
    List<String> findings = new ArrayList<>();
    for (List<Object> col :
        NightlyRuns.query(
            c,
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = '"
                + catalog
                + "' AND data_type = 'VARCHAR' ORDER BY 1, 2")) {
      String table = catalog + ".main.\"" + col.get(0) + "\"";
      findings.addAll(scanQuery(c, table, (String) col.get(1), col.get(0) + "." + col.get(1)));
    }
    return findings;
  }

  /** Scans one column of a relation (a table or a {@code read_parquet(...)} call). */
  List<String> scanQuery(Connection c, String relation, String column, String label)
      throws SQLException {
    List<String> findings = new ArrayList<>();
    for (List<Object> v :
        NightlyRuns.query(
            c,
            "SELECT DISTINCT \""
                + column
                + "\" FROM "
                + relation
                + " WHERE \""
                + column
                + "\" IS NOT NULL")) {
      for (String what : findIn(String.valueOf(v.get(0)), true)) {
        findings.add(label + ": " + what);
      }
    }
    return findings.stream().distinct().toList();
  }
}
