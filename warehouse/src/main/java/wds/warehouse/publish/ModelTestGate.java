package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The gate that runs the warehouse's model tests (not_null, unique, relationships and the like,
 * declared beside the SQL models) on the snapshot being built. It adapts whatever runner the models
 * come with: the runner reports its failing tests in words.
 */
public final class ModelTestGate implements QualityGate {

  /** A model-test runner: the failing tests of the models in {@code catalog}, in words. */
  @FunctionalInterface
  public interface ModelTests {
    List<String> failures(Connection connection, String catalog) throws SQLException;
  }

  private final ModelTests tests;

  public ModelTestGate(ModelTests tests) {
    this.tests = tests;
  }

  @Override
  public String name() {
    return "model-tests";
  }

  @Override
  public List<GateFailure> check(Connection connection, String catalog) throws SQLException {
    return tests.failures(connection, catalog).stream()
        .map(message -> new GateFailure(name(), message))
        .toList();
  }
}
