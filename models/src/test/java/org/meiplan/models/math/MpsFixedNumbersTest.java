package org.meiplan.models.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Fixed MPS keeps every number within the 12-character fields, and says when it cannot. */
class MpsFixedNumbersTest {

    @ParameterizedTest
    @ValueSource(doubles = {4.015000000000001, -4.015000000000001, 0.1 + 0.2, 1.2345678901234e-5,
        123456789012345.0, 1e22, -1e-7 / 3, 16.060000000000002, 0.0, 7})
    void numbersFitTwelveCharactersAndStayClose(double v) {
        String text = MpsWriter.fixedNumber(v);
        assertThat(text.length()).as(text).isLessThanOrEqualTo(12);
        double back = Double.parseDouble(text);
        assertThat(Math.abs(back - v)).as(text).isLessThanOrEqualTo(1e-6 * Math.abs(v));
    }

    @Test
    void theIssuesNumberIsWrittenShort() {
        assertThat(MpsWriter.fixedNumber(4.015000000000001)).isEqualTo("4.015");
    }

    @Test
    void everyFixedLineKeepsItsFields() {
        ProgramBuilder b = Program.builder("wide numbers");
        int x = b.continuous("x", 0, 4.015000000000001).index();
        int y = b.integers("y", 0, 10).index();
        LinearExpression e = new LinearExpression();
        b.constraints("c").add(e.clear().term(0.1 + 0.2, x).term(1.0 / 3, y).le(2.0 / 3));
        b.maximize(e.clear().term(1.1 + 2.2, x).term(1, y));
        String text = MpsWriter.toString(b.build(), MpsWriter.Format.FIXED);
        for (String line : text.split("\n")) {
            if (line.startsWith(" ") && !line.contains("'MARKER'")) {
                // field 4 (columns 25-36) and field 6 (50-61) hold numbers of at most 12 characters
                assertThat(line.length()).as(line).isLessThanOrEqualTo(61);
                if (line.length() > 24) {
                    assertThat(line.substring(24).trim()).doesNotContain(" ");
                }
            }
        }
        assertThat(text).doesNotContain("\nOBJSENSE").contains("NAME          wide_numbers" + MpsWriter.NEGATED_SUFFIX)
                .contains("negated objective");
    }

    @Test
    void aProgramWhoseNumbersDoNotFitIsRefusedWithAReason() {
        // -9.87654321e-300 needs "E-300": 12 characters leave 4 digits, a change of 3e-5 relative
        ProgramBuilder b = Program.builder("tiny numbers");
        int x = b.continuous("x", 0, 1).index();
        b.minimize(new LinearExpression().term(-9.87654321e-300, x));
        Program p = b.build();
        assertThatThrownBy(() -> MpsWriter.toString(p, MpsWriter.Format.FIXED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("12 characters", "tiny numbers", "free MPS or LP");
        assertThat(MpsWriter.toString(p, MpsWriter.Format.FREE)).contains("-9.87654321E-300");
    }
}
