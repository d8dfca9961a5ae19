package wds.warehouse.model;

import java.util.List;

/**
 * One SQL model of the warehouse: {@code models/<layer>/<name>.sql} (import CTEs, logic CTEs,
 * {@code select * from final}) beside {@code <name>.yml} (its grain and its tests).
 *
 * @param layer {@code staging}, {@code dims}, {@code facts}, {@code marts} or {@code indicators}
 * @param name the table it becomes
 * @param sql the model's query, or for an engine table its {@code create table} statement
 * @param description the yml's description, whose first sentence is the grain
 * @param parameters the build settings bound to the query's {@code ?} in order (build_context)
 * @param tests the tests declared beside it
 * @param engineTable a table the indicator engine fills (its sql is DDL, not a query)
 * @param view built as a temporary view the later models read, not as a table of the snapshot
 *     ({@code materialized: view}, the staging layer's default: warehouse/README.md, "Layers")
 */
public record Model(
    String layer,
    String name,
    String sql,
    String description,
    List<String> parameters,
    List<ModelTest> tests,
    boolean engineTable,
    boolean view) {

  public Model {
    parameters = List.copyOf(parameters);
    tests = List.copyOf(tests);
  }

  /** The first sentence of the description: what one row is. */
  public String grain() {
    int end = description.indexOf(". ");
    return end < 0 ? description.strip() : description.substring(0, end + 1).strip();
  }
}
