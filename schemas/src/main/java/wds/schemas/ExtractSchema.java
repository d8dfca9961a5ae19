package wds.schemas;

import java.util.List;
import java.util.Optional;

/**
 * One extract of the sources contract ({@code health/births}, {@code population/areas}, ...): its
 * columns in delivery order, primary key and grain.
 *
 * @param source the source system ({@code health}, {@code education}, {@code civil}, {@code hr},
 *     {@code population}, {@code reports})
 * @param extract the extract's name, as in file names and JDBC tables
 * @param description what the extract is
 * @param grain one sentence: what one row is
 * @param primaryKey the primary-key columns
 * @param columns every column, in the contract's order, including {@code updated_at} and the
 *     optional {@code deleted}
 */
public record ExtractSchema(
    String source,
    String extract,
    String description,
    String grain,
    List<String> primaryKey,
    List<Column> columns) {

  public ExtractSchema {
    primaryKey = List.copyOf(primaryKey);
    columns = List.copyOf(columns);
    for (String key : primaryKey) {
      if (columns.stream().noneMatch(c -> c.name().equals(key))) {
        throw new IllegalArgumentException(
            source + "/" + extract + ": key " + key + " not a column");
      }
    }
  }

  /** {@code source/extract}, the name used in messages and the audit. */
  public String qualifiedName() {
    return source + "/" + extract;
  }

  /** The name of this extract's table in the warehouse's operational layer. */
  public String odsTable() {
    return "ods_" + source + "__" + extract;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Whether rows carry a {@code deleted} tombstone flag (record extracts do, reference data not).
   */
  public boolean hasDeletedFlag() {
    return column("deleted").isPresent();
  }

  /** The columns every delivered file must have (all but the optional {@code deleted}). */
  public List<Column> mandatoryColumns() {
    return columns.stream().filter(c -> !c.optional()).toList();
  }
}
