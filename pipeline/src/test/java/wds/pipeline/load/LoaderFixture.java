package wds.pipeline.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.schemas.SchemaCatalog;

/** A work database, a drop folder and a loader over them, in one temporary folder. */
final class LoaderFixture implements AutoCloseable {

  static final SchemaCatalog CATALOG = SchemaCatalog.load();
  static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  final Path home;
  final TestDrop drop;
  final WorkDatabase db;
  final DeliveryLoader loader;

  LoaderFixture(Path home) throws SQLException {
    this(home, LoadListener.NONE);
  }

  LoaderFixture(Path home, LoadListener listener) throws SQLException {
    this(home, listener, Set.of("H01"));
  }

  LoaderFixture(Path home, LoadListener listener, Set<String> indicatorCodes) throws SQLException {
    this.home = home;
    this.drop = new TestDrop(home.resolve("drop"));
    this.db = WorkDatabase.open(home.resolve("warehouse/work.duckdb"), CATALOG);
    this.loader =
        new DeliveryLoader(
            db.connection(),
            CATALOG,
            new LoadSettings(
                indicatorCodes, Pseudonymiser.fromKey(SECRET), home.resolve("quarantine")),
            listener);
  }

  /** Loads every delivery in the drop folder, in order. */
  List<DeliveryResult> loadAll() throws Exception {
    List<DeliveryResult> results = new ArrayList<>();
    for (Delivery d : new DropFolder(drop.root()).deliveries(CATALOG.sources())) {
      results.add(loader.load(d));
    }
    return results;
  }

  Connection connection() {
    return db.connection();
  }

  /** Every row of a query, each row as its values rendered as text. */
  List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = db.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  long count(String sql) throws SQLException {
    return Long.parseLong(rows(sql).get(0).get(0));
  }

  /** The whole operational layer as text: every ODS table's rows in key order. */
  String odsContents() throws SQLException {
    StringBuilder all = new StringBuilder();
    for (var schema : CATALOG.all()) {
      all.append(schema.odsTable()).append('\n');
      for (List<String> row : rows("SELECT * FROM " + schema.odsTable() + " ORDER BY ALL")) {
        all.append(row).append('\n');
      }
    }
    return all.toString();
  }

  @Override
  public void close() throws SQLException {
    loader.close();
    db.close();
  }
}
