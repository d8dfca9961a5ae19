package wds.warehouse.indicator;

import wds.schemas.sql.SqlFile;

/**
 * What an indicator part counts or sums over its rows.
 *
 * @param kind records, distinct persons, distinct values of an expression, a sum or a mean
 * @param expression the expression of {@link Kind#DISTINCT}, {@link Kind#SUM} and {@link Kind#MEAN}
 */
public record Aggregate(Kind kind, String expression) {

  /** The kinds of aggregate a definition can ask for. */
  public enum Kind {
    /** {@code count: records}: every row (events count records). */
    RECORDS,
    /** {@code count: persons}: distinct person_key (stocks count persons, once per cell). */
    PERSONS,
    /** {@code count_distinct: expr}: distinct values (committees by their village). */
    DISTINCT,
    /** {@code sum: expr}. */
    SUM,
    /** {@code mean: expr}. */
    MEAN
  }

  /** Whether the aggregate counts something, so that it can be read as a number of events. */
  public boolean counts() {
    return kind == Kind.RECORDS || kind == Kind.PERSONS || kind == Kind.DISTINCT;
  }

  /** Whether the aggregate counts distinct values (persons, or an expression's values). */
  public boolean distinct() {
    return kind == Kind.PERSONS || kind == Kind.DISTINCT;
  }

  /** What a distinct count counts: {@code person_key}, or the expression's values. */
  public String counted(String source) {
    return switch (kind) {
      case PERSONS -> "person_key";
      case DISTINCT -> "(" + SqlFile.expression(source, expression) + ")";
      default -> throw new IllegalStateException(source + ": " + kind + " is no distinct count");
    };
  }

  /** The aggregate call that fills the {@code {{aggregate}}} slot of part_cells.sql. */
  public String sql(String source) {
    return switch (kind) {
      case RECORDS -> "count(*)";
      case PERSONS -> "count(distinct person_key)";
      case DISTINCT -> "count(distinct (" + SqlFile.expression(source, expression) + "))";
      case SUM -> "sum(" + SqlFile.expression(source, expression) + ")";
      case MEAN -> "avg(" + SqlFile.expression(source, expression) + ")";
    };
  }
}
