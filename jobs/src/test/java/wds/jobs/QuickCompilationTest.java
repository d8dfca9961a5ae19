package wds.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reports' span of C1 alone: HotSpot holds the directive excluding C2 while the span is open,
 * and drops it when the span closes, however the span ends.
 */
class QuickCompilationTest {

  /** HotSpot prints each directive's C2 part; an excluding one says "Exclude:true". */
  private static long excludingDirectives() throws Exception {
    // what follows each "c2 directives:" heading is one directive's C2 part
    String[] parts = QuickCompilation.directives().split("c2 directives:");
    long count = 0;
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].contains("Exclude:true")) {
        count++;
      }
    }
    return count;
  }

  @Test
  void span_ExcludesC2WhileOpen_ThenLeavesTheJitAsItWas() throws Exception {
    long before = excludingDirectives();
    try (QuickCompilation c1 = QuickCompilation.open()) {
      assertThat(excludingDirectives()).isEqualTo(before + 1);
    }
    assertThat(excludingDirectives()).isEqualTo(before);
  }

  @Test
  void span_EndedByAFailure_RemovesItsDirective() throws Exception {
    long before = excludingDirectives();
    try (QuickCompilation c1 = QuickCompilation.open()) {
      throw new IllegalStateException("a report failed");
    } catch (IllegalStateException expected) {
      // the report's failure goes on; the JIT is back to C2
    }
    assertThat(excludingDirectives()).isEqualTo(before);
  }
}
