package wds.warehouse.model;

import java.util.List;

/**
 * A test declared beside a model in its {@code .yml}, run after the build by {@link ModelTests}:
 * the dbt generic tests a warehouse needs.
 *
 * @param kind {@code unique} (the columns together), {@code not_null}, {@code non_negative} (each
 *     column), {@code relationships} (column's values present in {@code to.field}), {@code
 *     accepted_values} (column within values), {@code expression} (true for every row)
 * @param columns the columns of unique, not_null, non_negative
 * @param column the column of relationships and accepted_values
 * @param to the model a relationship refers to
 * @param field the column of {@code to}
 * @param values the accepted values
 * @param expression the condition of an expression test
 */
public record ModelTest(
    String kind,
    List<String> columns,
    String column,
    String to,
    String field,
    List<String> values,
    String expression) {

  public ModelTest {
    columns = columns == null ? List.of() : List.copyOf(columns);
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** How the test reads in a failure message: {@code unique(cert_no)}. */
  public String describe() {
    return switch (kind) {
      case "relationships" -> "relationships(" + column + " -> " + to + "." + field + ")";
      case "accepted_values" -> "accepted_values(" + column + " in " + values + ")";
      case "expression" -> "expression(" + expression + ")";
      default -> kind + "(" + String.join(", ", columns) + ")";
    };
  }
}
