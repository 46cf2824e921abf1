package dev.agentlens.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgsTest {

  private static final Set<String> KNOWN = Set.of("name", "tenant");

  @Test
  void optionsInBothFormsAndPositionalWords() {
    CliArgs a = CliArgs.parse(List.of("ID", "--name", "n 1", "--tenant=t"), KNOWN);
    assertThat(a.option("name")).isEqualTo("n 1");
    assertThat(a.option("tenant")).isEqualTo("t");
    assertThat(a.option("missing", "dflt")).isEqualTo("dflt");
    assertThat(a.single("id")).isEqualTo("ID");
  }

  @Test
  void malformedCommandLinesAreUsageErrors() {
    assertThatThrownBy(() -> CliArgs.parse(List.of("--bogus", "x"), KNOWN))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> CliArgs.parse(List.of("--name"), KNOWN))
        .hasMessage("--name needs a value");
    assertThatThrownBy(() -> CliArgs.parse(List.of("--name", "a", "--name", "b"), KNOWN))
        .hasMessage("--name given twice");
    assertThatThrownBy(() -> CliArgs.parse(List.of(), KNOWN).single("key id"))
        .hasMessage("key id is required");
    assertThatThrownBy(() -> CliArgs.parse(List.of("a", "b"), KNOWN).single("key id"))
        .hasMessage("too many arguments");
    assertThatThrownBy(() -> CliArgs.parse(List.of("a"), KNOWN).noPositional())
        .hasMessage("unexpected argument a");
  }
}
