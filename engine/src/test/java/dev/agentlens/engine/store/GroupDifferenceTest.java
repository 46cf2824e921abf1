package dev.agentlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupDifferenceTest {

  @Test
  void groupsLeftWithoutEventsAreDropped() {
    GroupDifference d = new GroupDifference();
    d.plus().add("s1", "a1", new GroupSums(5, 2, 1, 30.0, 2, 1.5));
    d.plus().add("s2", "a1", new GroupSums(3, 0, 0, 0.0, 0, 0.25));
    // the hour's metric row of the same group
    d.plus().add("s1", "a1", new GroupSums(1, 0, 0, 0.0, 0, 0));
    d.minus().add("s1", "a1", new GroupSums(2, 1, 0, 10.0, 1, 0.5));
    d.minus().add("s2", "a1", new GroupSums(3, 0, 0, 0.0, 0, 0.25));

    List<String> out = new ArrayList<>();
    d.drainTo((s, a, sums) -> out.add(s + " " + a + " " + sums));

    assertThat(out).containsExactly("s1 a1 " + new GroupSums(4, 1, 1, 20.0, 1, 1.0));
  }
}
