package org.meiplan.solvers.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meiplan.datasets.generate.ScenarioParameters;

/** Bad study specs are refused with the JSON path and a fix, before any run and before any file is written. */
class StudySpecValidationTest {

    static final InstanceFactory GENERATOR = InstanceFactory.of(ScenarioParameters.NAMES, ScenarioParameters::instance,
            ScenarioParameters::check);

    static StudySpec spec(String json) throws IOException {
        return StudySpec.parse(new ObjectMapper().readTree(json), "t");
    }

    @Test
    void anEmptyGridIsRefusedWithAnExample() {
        assertThatThrownBy(() -> spec("{\"grid\": {}, \"stages\": [\"caching\"]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("/grid", "no parameter", "\"scenario\"", "\"instance\"");
    }

    @Test
    void anUnknownAlgorithmIsRefusedBeforeAnyRun(@TempDir Path dir) throws IOException {
        StudySpec bad = spec("""
                {"grid": {"scenario": ["virtual-assistant"], "size": ["tiny"], "algorithm.caching": ["greedy", "gredy"]},
                 "stages": ["caching"]}""");
        assertThatThrownBy(() -> new StudyRunner(bad, GENERATOR))
                .hasMessageContainingAll("/grid/algorithm.caching/1", "\"gredy\"", "caching", "greedy-refill");
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void anAlgorithmOfEachStageIsChecked() throws IOException {
        assertThatThrownBy(() -> new StudyRunner(spec("""
                {"grid": {"scenario": ["virtual-assistant"], "algorithm.training": ["edf-lss"]}}"""), GENERATOR))
                .hasMessageContainingAll("/grid/algorithm.training", "edf-lss", "edf-ls");
        assertThatThrownBy(() -> new StudyRunner(spec("""
                {"grid": {"scenario": ["virtual-assistant"], "algorithm.serving": ["fast"]}}"""), GENERATOR))
                .hasMessageContainingAll("/grid/algorithm.serving", "fast", "greedy-quick");
        assertThatThrownBy(() -> new StudyRunner(spec("""
                {"grid": {"scenario": ["virtual-assistant"], "algorithm.routing": ["greedy"]}}"""), GENERATOR))
                .hasMessageContainingAll("/grid/algorithm.routing", "not a planning stage");
        assertThatThrownBy(() -> new StudyRunner(spec("""
                {"grid": {"scenario": ["virtual-assistant"], "algorithm.training": ["edf"]}, "stages": ["caching"]}"""),
                GENERATOR)).hasMessageContainingAll("/grid/algorithm.training", "does not run in this study");
        assertThatThrownBy(() -> new StudyRunner(spec("""
                {"grid": {"scenario": ["virtual-assistant"], "solver.caching": ["gurobi"]}, "stages": ["caching"]}"""),
                GENERATOR)).hasMessageContainingAll("/grid/solver.caching", "gurobi", "glop");
    }

    @Test
    void aHugeSeedCountIsRefusedWithoutBuildingTheList() {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> spec("""
                {"grid": {"scenario": ["virtual-assistant"]}, "seeds": 9223372036854775807}"""))
                .hasMessageContainingAll("/seeds", "9223372036854775807", "from 1 to 1000000");
        assertThatThrownBy(() -> spec("""
                {"grid": {"scenario": ["virtual-assistant"]}, "seeds": 99999999999999999999999}"""))
                .hasMessageContaining("/seeds");
        assertThatThrownBy(() -> spec("""
                {"grid": {"scenario": ["a", "b", "c", "d"]}, "seeds": 300000}"""))
                .hasMessageContainingAll("/seeds", "from 1 to 250000", "4 grid points");
        // refused, not enumerated: far below the time a list of 2^63 seeds would take
        assertThat((System.nanoTime() - begin) / 1e9).isLessThan(60);
    }

    @Test
    void aHugeGridIsRefused() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"], \"sites\": [" + values + "], \"users\": ["
                + values + "]}}")).hasMessageContainingAll("/grid", "more than 1000000 grid points");
    }

    @Test
    void wrongTypesNameTheirField() {
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"seeds\": 1.5}"))
                .hasMessageContaining("/seeds");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"seeds\": [1, 1]}"))
                .hasMessageContainingAll("/seeds/1", "twice");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"timeLimit\": \"10 s\"}"))
                .hasMessageContainingAll("/timeLimit", "number");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"timeLimit\": 0}"))
                .hasMessageContaining("/timeLimit");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"parallel\": 0}"))
                .hasMessageContaining("/parallel");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"stages\": \"caching\"}"))
                .hasMessageContaining("/stages");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\", \"a\"]}}"))
                .hasMessageContainingAll("/grid/scenario/1", "twice");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [{\"x\": 1}]}}"))
                .hasMessageContaining("/grid/scenario/0");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"plots\": [{\"x\": \"a\", \"y\": \"b\","
                + " \"colour\": \"red\"}]}")).hasMessageContainingAll("/plots/0/colour", "Known:");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"plots\": [{\"x\": \"a\", \"y\": \"b\","
                + " \"file\": \"../x.png\"}]}")).hasMessageContaining("/plots/0/file");
        assertThatThrownBy(() -> spec("{\"grid\": {\"scenario\": [\"a\"]}, \"seeed\": 3}"))
                .hasMessageContainingAll("/seeed", "Did you mean \"seeds\"");
    }

    @Test
    void plotColumnsMustExist() throws IOException {
        StudySpec bad = spec("""
                {"grid": {"scenario": ["virtual-assistant"], "storageScale": [1]}, "stages": ["caching"],
                 "plots": [{"x": "storageScale", "y": "hitratio"}]}""");
        assertThatThrownBy(() -> new StudyRunner(bad, GENERATOR))
                .hasMessageContainingAll("/plots/0/y", "hitratio", "Did you mean \"hitRatio\"");
    }

    @Test
    void aSpecFileNamesItself(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"grid\": {}}");
        assertThatThrownBy(() -> StudySpec.read(file)).hasMessageContainingAll(file.toString(), "/grid");
        Files.writeString(file, "{\"grid\": {\"scenario\": [\"a\"],}}");
        assertThatThrownBy(() -> StudySpec.read(file)).hasMessageContainingAll(file.toString(), "not valid JSON",
                "line 1");
    }
}
