package org.meiplan.solvers.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyPartsTest {

    static StudySpec spec(String json) throws IOException {
        return StudySpec.parse(new ObjectMapper().readTree(json), "test");
    }

    @Test
    void theGridIsACartesianProductTimesSeeds() throws IOException {
        StudySpec s = spec("""
                {"grid": {"scenario": ["a", "b"], "storageScale": [0.5, 1, 2], "algorithm.caching": "greedy"},
                 "seeds": 4, "stages": ["caching"], "parallel": 2}""");
        assertThat(s.points()).hasSize(6);
        assertThat(s.runs()).isEqualTo(24);
        assertThat(s.seeds()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.points().get(1)).containsExactly(Map.entry("scenario", "a"), Map.entry("storageScale", "1"),
                Map.entry("algorithm.caching", "greedy"));
        assertThat(StudySpec.isPlannerKey("algorithm.caching")).isTrue();
        assertThat(StudySpec.isPlannerKey("storageScale")).isFalse();
    }

    @Test
    void specMistakesNameTheField() {
        assertThatThrownBy(() -> spec("{\"grid\": {}, \"seed\": 3}")).hasMessageContaining("/seed");
        assertThatThrownBy(() -> spec("{\"grid\": {\"x\": []}}")).hasMessageContaining("/grid/x");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": \"a\"}, \"plots\": [{\"x\": \"a\"}]}"))
                .hasMessageContaining("/plots/0");
    }

    @Test
    void csvRoundTripsAwkwardFields() throws IOException {
        List<String> fields = List.of("plain", "with,comma", "with \"quotes\"", "multi\nline", "");
        String text = Csv.line(fields) + Csv.line(List.of("a", "b", "c", "d", "e"));
        assertThat(Csv.parse(text)).containsExactly(fields, List.of("a", "b", "c", "d", "e"));
    }

    @Test
    void aggregationGivesMeansAndStudentTIntervals() {
        List<Map<String, String>> rows = List.of(
                Map.of("x", "1", "y", "2", "s", "a"), Map.of("x", "1", "y", "4", "s", "a"),
                Map.of("x", "2", "y", "5", "s", "a"), Map.of("x", "1", "y", "", "s", "b"));
        Map<String, List<StudyPlots.Point>> points = StudyPlots.aggregate(rows, "x", "y", "s");
        assertThat(points).containsOnlyKeys("s=a");
        StudyPlots.Point first = points.get("s=a").get(0);
        assertThat(first.mean()).isEqualTo(3.0);
        // sd = √2, t(0.975, 1) = 12.7062, half-width = 12.7062·√2/√2 = 12.7062
        assertThat(first.halfWidth()).isCloseTo(12.7062, within(1e-3));
        assertThat(points.get("s=a").get(1).halfWidth()).isZero();
    }
}
