package wds.jobs.seed;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.jdbc.SourceDatabases;
import wds.jobs.jdbc.SourcePassword;
import wds.pipeline.read.RecordReader;
import wds.pipeline.read.RecordReaders;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * {@code wds seed-sources}: puts a file delivery (as {@code wds generate} writes one) into source
 * system databases, one typed table per extract, so the {@code jdbc} connector can be run and
 * tested against real PostgreSQL and MySQL/MariaDB servers. Deliveries are applied oldest first;
 * re-seeding upserts, keeping each record's latest {@code updated_at}.
 */
@Command(
    name = "seed-sources",
    mixinStandardHelpOptions = true,
    description = {
      "Load a file delivery into source databases (stand-ins for the departments' systems).",
      "Each extract becomes a typed table of the same name; rows a typed table cannot hold",
      "(not a number, not an ISO date, ...) are counted and left out.",
      "Passwords: WDS_SOURCE_<SOURCE>_PASSWORD or --password-file, never on the command line."
    })
public final class SeedSourcesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--drop",
      required = true,
      paramLabel = "DIR",
      description = "the delivery folder: DIR/<source>/manifest_<yyyymmdd>.json and its files")
  Path drop;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "SOURCE=JDBC_URL",
      description =
          "a source to seed and its database, e.g. health=jdbc:postgresql://host/health;"
              + " repeat for each source")
  Map<String, String> sources = new LinkedHashMap<>();

  @Option(names = "--user", description = "database user (else as in the URL)")
  String user;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "file whose first line is the password, when WDS_SOURCE_<SOURCE>_PASSWORD is unset")
  Path passwordFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SchemaCatalog catalog = SchemaCatalog.load();
    List<SeedCount> counts = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      counts.addAll(seed(catalog, source.getKey(), source.getValue(), out));
    }
    long read = counts.stream().mapToLong(SeedCount::read).sum();
    long stored = counts.stream().mapToLong(SeedCount::stored).sum();
    long skipped = counts.stream().mapToLong(SeedCount::skipped).sum();
    out.printf(
        "seeded %d file(s) of %d source(s): %d rows read, %d stored, %d not storable%n",
        counts.size(), sources.size(), read, stored, skipped);
    out.flush();
    return 0;
  }

  private List<SeedCount> seed(SchemaCatalog catalog, String source, String url, PrintWriter out)
      throws IOException, SQLException {
    List<Path> manifests = DeliveryManifest.all(drop, source);
    if (manifests.isEmpty()) {
      throw new IllegalArgumentException(
          "no delivery of source " + source + " in " + drop.resolve(source) + " (manifest_*.json)");
    }
    SourceDialect dialect = SourceDialect.of(url);
    List<SeedCount> counts = new ArrayList<>();
    try (Connection connection =
        SourceDatabases.connect(
            source, url, user, SourcePassword.of(source, passwordFile, System::getenv))) {
      Map<String, SourceTable> tables = new LinkedHashMap<>();
      for (Path manifestFile : manifests) {
        DeliveryManifest manifest = DeliveryManifest.read(manifestFile);
        for (DeliveryManifest.Entry file : manifest.files()) {
          ExtractSchema schema = catalog.get(source, file.extract());
          SourceTable table = tables.get(file.extract());
          if (table == null) {
            table = new SourceTable(connection, dialect, schema);
            table.create();
            tables.put(file.extract(), table);
          }
          Path path = manifest.folder().resolve(file.name());
          if (!Files.isRegularFile(path)) {
            throw new IOException(manifestFile + " lists " + file.name() + ", which is missing");
          }
          try (RecordReader rows = RecordReaders.open(path, Charset.forName(file.encoding()))) {
            SeedCount count = table.upsert(rows, file.name());
            out.println(count);
            counts.add(count);
          }
        }
      }
    }
    return counts;
  }
}
