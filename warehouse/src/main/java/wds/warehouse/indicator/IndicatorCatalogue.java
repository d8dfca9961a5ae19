package wds.warehouse.indicator;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The indicator catalogue a plan monitors: the rows of an indicators.csv (code, names, domain,
 * unit, target operator, value and tolerance, basis, by_sex, definitions in words), in file order.
 */
public record IndicatorCatalogue(List<CatalogueEntry> entries) {

  public IndicatorCatalogue {
    entries = List.copyOf(entries);
  }

  /**
   * Parses a catalogue in the layout of indicators.csv; {@code source} names it in messages and
   * {@code overrides} replaces the targets of the codes it names.
   */
  public static IndicatorCatalogue parse(String source, String csv, Map<String, Target> overrides) {
    Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> reader =
        CsvReader.builder().ofNamedCsvRecord(new StringReader(csv.replace("\uFEFF", "")))) {
      for (NamedCsvRecord row : reader) {
        long line = row.getStartingLineNumber();
        try {
          CatalogueEntry entry = entry(row);
          if (entries.put(entry.code(), entry) != null) {
            throw new IllegalArgumentException("code " + entry.code() + " twice");
          }
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(source + " line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source, e);
    }
    for (Map.Entry<String, Target> override : overrides.entrySet()) {
      CatalogueEntry entry = entries.get(override.getKey());
      if (entry == null) {
        throw new IllegalArgumentException(
            "target for " + override.getKey() + ", which " + source + " does not hold");
      }
      entries.put(entry.code(), entry.withTarget(override.getValue()));
    }
    return new IndicatorCatalogue(new ArrayList<>(entries.values()));
  }

  public CatalogueEntry get(String code) {
    return find(code).orElseThrow(() -> new NoSuchElementException("no indicator " + code));
  }

  public Optional<CatalogueEntry> find(String code) {
    return entries.stream().filter(e -> e.code().equals(code)).findFirst();
  }

  private static CatalogueEntry entry(NamedCsvRecord row) {
    String code = row.getField("code").strip();
    return new CatalogueEntry(
        code,
        row.getField("domain"),
        row.getField("name_zh"),
        row.getField("name_en"),
        Unit.of(row.getField("unit")),
        new Target(
            TargetOp.of(row.getField("target_op")),
            decimal(row.getField("target")),
            decimal(row.getField("tolerance"))),
        Basis.of(row.getField("basis")),
        "Y".equalsIgnoreCase(row.getField("by_sex").strip()),
        row.getField("numerator"),
        row.getField("denominator"),
        row.getField("plan_item"));
  }

  private static BigDecimal decimal(String text) {
    return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
  }
}
