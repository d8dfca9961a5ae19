package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes deliveries into a drop folder for tests: CSV files and a manifest that matches them. */
final class TestDrop {

  private final Path root;

  TestDrop(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  DeliveryBuilder delivery(String source, LocalDate date) {
    return new DeliveryBuilder(source, date);
  }

  /** One source's delivery of one night. */
  final class DeliveryBuilder {
    private final String source;
    private final LocalDate date;
    private final List<String> entries = new ArrayList<>();

    DeliveryBuilder(String source, LocalDate date) {
      this.source = source;
      this.date = date;
    }

    DeliveryBuilder file(String extract, String mode, String header, String... rows) {
      return file(extract, mode, StandardCharsets.UTF_8, header, rows);
    }

    DeliveryBuilder file(
        String extract, String mode, Charset charset, String header, String... rows) {
      String name = extract + "_" + date.format(Delivery.BASIC_DATE) + ".csv";
      StringBuilder csv = new StringBuilder(header).append("\r\n");
      for (String row : rows) {
        csv.append(row).append("\r\n");
      }
      try {
        Path folder = Files.createDirectories(root.resolve(source));
        Path file = folder.resolve(name);
        Files.write(file, csv.toString().getBytes(charset));
        entries.add(
            String.format(
                "{\"name\": \"%s\", \"extract\": \"%s\", \"rows\": %d, \"sha256\": \"%s\","
                    + " \"encoding\": \"%s\", \"mode\": \"%s\"}",
                name, extract, rows.length, FileChecksum.sha256(file), charset.name(), mode));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A file of the given bytes, listed in the manifest as holding {@code rows} records. */
    DeliveryBuilder raw(
        String name, String extract, String mode, String encoding, long rows, byte[] bytes) {
      try {
        Path folder = Files.createDirectories(root.resolve(source));
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        entries.add(
            String.format(
                "{\"name\": \"%s\", \"extract\": \"%s\", \"rows\": %d, \"sha256\": \"%s\","
                    + " \"encoding\": \"%s\", \"mode\": \"%s\"}",
                name, extract, rows, FileChecksum.sha256(file), encoding, mode));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** Writes the manifest; returns the delivery as the drop folder finds it. */
    Path write() {
      try {
        Path manifest =
            root.resolve(source).resolve("manifest_" + date.format(Delivery.BASIC_DATE) + ".json");
        Files.createDirectories(manifest.getParent());
        Files.writeString(
            manifest,
            String.format(
                "{\"source\": \"%s\", \"extract_date\": \"%s\", \"files\": [%s]}",
                source, date, String.join(",\n  ", entries)));
        return manifest;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
