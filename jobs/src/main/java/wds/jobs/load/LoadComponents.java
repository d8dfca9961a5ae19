package wds.jobs.load;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wds.pipeline.load.ReaderFactory;
import wds.pipeline.load.RowValidatorFactory;
import wds.pipeline.read.RecordReaders;
import wds.pipeline.validate.RowValidator;
import wds.schemas.SchemaCatalog;

/**
 * The parts the load job is made of: the extract catalogue, the readers and the validator, and the
 * indicator codes {@code indicator_reports} is checked against.
 */
@Configuration(proxyBeanMethods = false)
public class LoadComponents {

  /** Where the warehouse module keeps the indicator catalogue on the class path. */
  static final String INDICATORS = "wds/warehouse/indicators.csv";

  @Bean
  SchemaCatalog schemaCatalog() {
    return SchemaCatalog.load();
  }

  @Bean
  IndicatorCodes indicatorCodes() {
    return new IndicatorCodes(readIndicatorCodes());
  }

  @Bean
  ReaderFactory readerFactory() {
    return readers();
  }

  @Bean
  RowValidatorFactory rowValidatorFactory() {
    return validators();
  }

  /** The CSV and xlsx readers of the validate package. */
  public static ReaderFactory readers() {
    return RecordReaders::open;
  }

  /** The row validator of the validate package. */
  public static RowValidatorFactory validators() {
    return (schema, header, context) -> new RowValidator(schema, header, context)::validate;
  }

  /** The codes of the indicator catalogue, or none when it is not on the class path. */
  public static Set<String> readIndicatorCodes() {
    Set<String> codes = new HashSet<>();
    try (InputStream in = LoadComponents.class.getClassLoader().getResourceAsStream(INDICATORS)) {
      if (in == null) {
        return codes;
      }
      try (CsvReader<NamedCsvRecord> csv =
          CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        csv.forEach(r -> codes.add(r.getField("code")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDICATORS, e);
    }
    return codes;
  }

  /** The codes of the indicator catalogue. */
  public record IndicatorCodes(Set<String> codes) {}
}
