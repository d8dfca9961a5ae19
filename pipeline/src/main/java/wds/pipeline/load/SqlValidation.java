package wds.pipeline.load;

import static wds.schemas.sql.SqlFile.quote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import wds.pipeline.read.RawRecord;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.RejectDetail;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.RuleQuery;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;

/**
 * Validates one landed file in DuckDB: fills the file's context tables (extract date, areas,
 * indicator catalogue), keys its distinct identity numbers and pseudonymised text in Java, runs the
 * {@link RuleQuery} into the staging table (every row typed, with the rule it breaks), writes the
 * rejected ones (the malformed ones of the landing among them) to the quarantine in line order,
 * with their keys for full mode, and takes them out of the staging table: the typed valid rows stay
 * there for the merge.
 */
final class SqlValidation {

  private final Connection connection;
  private final OdsStatements sql;
  private final RuleQuery query;
  private final ValidationContext context;
  private final Path folder;
  private final Map<String, String> tables;

  SqlValidation(
      Connection connection,
      OdsStatements sql,
      RuleQuery query,
      ValidationContext context,
      Path folder) {
    this.connection = connection;
    this.sql = sql;
    this.query = query;
    this.context = context;
    this.folder = folder;
    this.tables = sql.tables();
  }

  /**
   * Runs the validation; adds the rejections to {@code rejects} and returns how many rows were
   * staged.
   */
  long run(
      List<RawLanding.Malformed> malformed,
      QuarantineFile quarantine,
      Map<RejectReason, Long> rejects)
      throws SQLException, IOException {
    fillContext();
    keyPseudonyms();
    // the judged table is the staging table: every row typed, with the rule it breaks
    execute(List.of(query.judge(tables)));
    long staged;
    boolean rejected;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql.single("count_judged_rows"))) {
      rs.next();
      staged = rs.getLong(1);
      rejected = rs.getLong(2) > 0;
    }
    quarantine(rejected, malformed, quarantine, rejects);
    if (rejected) {
      execute(sql.sql("add_rejected_keys", Map.of("raw_key", rawKey())));
      execute(sql.sql("remove_rejected_rows"));
    }
    return staged;
  }

  private void fillContext() throws SQLException {
    execute(RuleQuery.createContext(tables));
    try (PreparedStatement st = connection.prepareStatement(sql.sql("set_extract_date").get(0))) {
      st.setDate(1, Date.valueOf(context.extractDate()));
      st.executeUpdate();
    }
    append(sql.stagingTable("areas"), context.areaCodes());
    append(sql.stagingTable("indicator_codes"), context.indicatorCodes());
  }

  private void append(String table, Collection<String> codes) throws SQLException {
    try (DuckDBAppender a =
        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", table)) {
      for (String code : codes) {
        a.beginRow();
        a.append(code);
        a.endRow();
      }
    }
  }

  private void keyPseudonyms() throws SQLException, IOException {
    PseudonymKeys keys = new PseudonymKeys(context.pseudonymiser(), context.extractDate());
    Path ids = folder.resolve("ids.csv");
    Path idKeys = folder.resolve("id-keys.csv");
    Path texts = folder.resolve("texts.csv");
    Path textKeys = folder.resolve("text-keys.csv");
    String raw = tables.get("raw");
    if (!query.identityColumns().isEmpty()) {
      execute(List.of(query.distinctValues(raw, true, ids.toString())));
      keys.identities(ids, idKeys);
    } else {
      Files.createFile(idKeys);
    }
    if (!query.pseudonymisedColumns().isEmpty()) {
      execute(List.of(query.distinctValues(raw, false, texts.toString())));
      keys.texts(texts, textKeys);
    } else {
      Files.createFile(textKeys);
    }
    List<String> create = RuleQuery.createKeys(tables);
    Path[] files = {idKeys, textKeys};
    for (int i = 0; i < create.size(); i++) {
      try (PreparedStatement st = connection.prepareStatement(create.get(i))) {
        st.setString(1, files[i].toString());
        st.execute();
      }
    }
  }

  /**
   * The rejected rows of the query and the malformed records of the landing, merged in line order
   * into the quarantine.
   */
  private void quarantine(
      boolean rejected,
      List<RawLanding.Malformed> malformed,
      QuarantineFile quarantine,
      Map<RejectReason, Long> rejects)
      throws SQLException {
    RejectDetail details = new RejectDetail(query, context);
    Iterator<RawLanding.Malformed> bad = malformed.iterator();
    RawLanding.Malformed next = bad.hasNext() ? bad.next() : null;
    int width = query.header().size();
    if (rejected) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(sql.sql("rejected_rows").get(0))) {
        while (rs.next()) {
          long line = rs.getLong(1);
          while (next != null && next.record().line() < line) {
            malformed(next, quarantine, rejects);
            next = bad.hasNext() ? bad.next() : null;
          }
          int rule = rs.getInt(2);
          String[] values = new String[width];
          for (int i = 0; i < width; i++) {
            String v = rs.getString(3 + i);
            values[i] = v == null ? "" : v;
          }
          Outcome.Rejected r = details.of(rule, values);
          rejects.merge(r.reason(), 1L, Long::sum);
          quarantine.write(RawRecord.of(line, values), r.reason(), r.column(), r.detail());
        }
      }
    }
    while (next != null) {
      malformed(next, quarantine, rejects);
      next = bad.hasNext() ? bad.next() : null;
    }
    appendMalformedKeys(malformed);
  }

  private static void malformed(
      RawLanding.Malformed m, QuarantineFile quarantine, Map<RejectReason, Long> rejects) {
    rejects.merge(RejectReason.MALFORMED_ROW, 1L, Long::sum);
    quarantine.write(m.record(), RejectReason.MALFORMED_ROW, null, m.fault());
  }

  /** Keys of malformed records, as far as they were read: in full mode they name live records. */
  private void appendMalformedKeys(List<RawLanding.Malformed> malformed) throws SQLException {
    if (malformed.isEmpty()) {
      return;
    }
    ExtractSchema schema = query.schema();
    int[] keyIndex = schema.primaryKey().stream().mapToInt(query::position).toArray();
    try (DuckDBAppender keys =
        connection
            .unwrap(DuckDBConnection.class)
            .createAppender("temp", "main", sql.rejectedKeysTable())) {
      for (RawLanding.Malformed m : malformed) {
        String[] values = m.record().values();
        keys.beginRow();
        for (int i : keyIndex) {
          if (i >= 0 && i < values.length) {
            keys.append(values[i]);
          } else {
            keys.appendNull();
          }
        }
        keys.endRow();
      }
    }
  }

  /** The key columns as delivered, from the raw table {@code r}. */
  private String rawKey() {
    List<String> key = new ArrayList<>();
    for (String name : query.schema().primaryKey()) {
      key.add("r." + quote(RuleQuery.rawColumn(query.position(name))) + " AS " + quote(name));
    }
    return String.join(", ", key);
  }

  private void execute(List<String> statements) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }
}
