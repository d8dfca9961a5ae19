package wds.warehouse.lake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * The check of a lake table's Parquet files before the lake is published: each file's footer, read
 * with Apache Parquet's own footer reader ({@code parquet-format}, no Hadoop), must hold the
 * table's columns in order with the lake's physical types ({@link ParquetColumn}), and the files'
 * row counts must add up, partition by partition, to the table's rows.
 */
final class ParquetFooters {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /**
   * Checks the files under {@code folder} against {@code expected} rows per partition folder name
   * ({@code year=2024}; {@code ""} for a table written as one file).
   *
   * @return the rows the files hold
   * @throws IllegalStateException a file is broken or does not match its table
   */
  static long check(
      Path folder, String table, List<ParquetColumn> columns, Map<String, Long> expected)
      throws IOException {
    Map<String, Long> found = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      FileMetaData footer = footer(file);
      List<String> schema = leaves(footer);
      List<String> wanted =
          columns.stream()
              .map(c -> c.name() + " " + c.type().getPrimitiveTypeName().name())
              .toList();
      if (!schema.equals(wanted)) {
        throw broken(file, "columns " + schema + ", the table " + table + " has " + wanted);
      }
      Path parent = folder.relativize(file).getParent();
      found.merge(parent == null ? "" : parent.toString(), footer.getNum_rows(), Long::sum);
    }
    if (!found.equals(new TreeMap<>(expected))) {
      throw new IllegalStateException(
          "lake table "
              + table
              + ": the files hold "
              + found
              + " rows, the table "
              + new TreeMap<>(expected)
              + "; the lake is not published");
    }
    return found.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The footer of one Parquet file: its length and magic at the end, then the Thrift message. */
  static FileMetaData footer(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      if (size < 12) {
        throw broken(file, "too short for a Parquet file (" + size + " bytes)");
      }
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, tail, size - 8);
      byte[] magic = new byte[4];
      tail.get(4, magic);
      int length = tail.getInt(0);
      if (!java.util.Arrays.equals(magic, MAGIC) || length <= 0 || length > size - 12) {
        throw broken(file, "no Parquet footer at its end");
      }
      ByteBuffer footer = ByteBuffer.allocate(length);
      readFully(channel, footer, size - 8 - length);
      return Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
    }
  }

  /** The leaf columns of a footer's schema, "name TYPE", in order. */
  private static List<String> leaves(FileMetaData footer) {
    List<String> leaves = new ArrayList<>();
    for (SchemaElement element : footer.getSchema().subList(1, footer.getSchema().size())) {
      if (element.getNum_children() == 0) {
        // parquet-format's BYTE_ARRAY is parquet-column's BINARY; the other names are the same
        String type = element.getType().name();
        leaves.add(element.getName() + " " + (type.equals("BYTE_ARRAY") ? "BINARY" : type));
      }
    }
    return leaves;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    buffer.flip();
  }

  private static IllegalStateException broken(Path file, String what) {
    return new IllegalStateException(
        "lake file "
            + file.getFileName()
            + " in "
            + file.getParent()
            + ": "
            + what
            + "; the lake is not published");
  }
}
