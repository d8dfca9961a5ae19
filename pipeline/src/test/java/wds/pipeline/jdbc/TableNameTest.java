package wds.pipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"births", "mch.births_v", "_x1", "BIRTHS"})
  void plainIdentifiersAreAccepted(String name) {
    assertThat(TableName.parse(name).toString()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "births; DROP TABLE x",
        "births--",
        "\"births\"",
        "`births`",
        "a.b.c",
        "1births",
        "",
        "births ",
        "bir ths",
        "mch.",
        "出生"
      })
  void anythingButOneOrTwoPlainIdentifiersIsRefusedNamingTheValue(String name) {
    assertThatThrownBy(() -> TableName.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + name + "'");
  }
}
