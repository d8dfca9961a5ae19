package wds.warehouse.lake;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The Parquet compression codecs without Hadoop: snappy through snappy-java and zstd through
 * zstd-jni, both already on the class path with parquet-hadoop. Parquet's own factory goes through
 * Hadoop's codec classes, which the application does not ship. Write-only: the lake is read back
 * with DuckDB.
 */
final class LocalCodecFactory implements CompressionCodecFactory {

  /** The zstd level: the library's default, a good balance for nightly files. */
  private static final int ZSTD_LEVEL = 3;

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> compressor(codec, bytes -> bytes);
      case SNAPPY -> compressor(codec, Snappy::compress);
      case ZSTD -> compressor(codec, bytes -> Zstd.compress(bytes, ZSTD_LEVEL));
      default ->
          throw new IllegalArgumentException(
              "Parquet codec " + codec + " is not supported; use SNAPPY, ZSTD or UNCOMPRESSED");
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
        throw new UnsupportedOperationException("the lake writer does not read Parquet");
      }

      @Override
      public void decompress(ByteBuffer in, int compressed, ByteBuffer out, int uncompressed) {
        throw new UnsupportedOperationException("the lake writer does not read Parquet");
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void release() {}

  private interface Codec {
    byte[] apply(byte[] bytes) throws IOException;
  }

  private static BytesInputCompressor compressor(CompressionCodecName name, Codec codec) {
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return BytesInput.from(codec.apply(bytes.toByteArray()));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return name;
      }

      @Override
      public void release() {}
    };
  }
}
