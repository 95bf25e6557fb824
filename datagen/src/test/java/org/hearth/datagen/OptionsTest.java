package org.hearth.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command's options and the script's placeholders, checked without a database. */
class OptionsTest {

    @Test
    void theScriptSplitsIntoStatementsAndNamesAMissingValue() {
        String script = "-- a comment\ncreate function f() returns int language sql as $$\n  select 1;\n$$;\n"
                + "insert into t values (${n});\n";
        assertThat(GenerateData.statements(script, Map.of("n", "3")))
                .containsExactly(
                        "create function f() returns int language sql as $$\n  select 1;\n$$;",
                        "insert into t values (3);");
        assertThatThrownBy(() -> GenerateData.statements(script, Map.of())).hasMessageContaining("${n}");
    }

    @Test
    void theOptionsAreCheckedWithClearMessages() {
        assertThat(GenerateData.Options.parse("--scale", "agency", "--seed", "7")
                        .scale())
                .isEqualTo(GenerateData.Scale.AGENCY);
        assertThatThrownBy(() -> GenerateData.Options.parse("--scale", "huge"))
                .hasMessage("--scale is demo, small or agency, not huge");
        assertThatThrownBy(() -> GenerateData.Options.parse("--seed", "x"))
                .hasMessage("--seed is a whole number, not x");
    }
}
