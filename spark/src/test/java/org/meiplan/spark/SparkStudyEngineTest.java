package org.meiplan.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Size;
import org.meiplan.datasets.generate.StudyInstances;
import org.meiplan.solvers.study.InstanceFactory;
import org.meiplan.solvers.study.LocalStudyEngine;
import org.meiplan.solvers.study.StudyEngine;
import org.meiplan.solvers.study.StudyEngineProvider;
import org.meiplan.solvers.study.StudyEngines;
import org.meiplan.solvers.study.StudyListener;
import org.meiplan.solvers.study.StudyResult;
import org.meiplan.solvers.study.StudyRunner;
import org.meiplan.solvers.study.StudySpec;

/**
 * The Spark engine against the local one on the same specs, on one embedded local[2] context
 * for the whole class (a context takes 10-20 s to start here): the same rows, resuming a
 * partial CSV, failures as rows, the user's own instances.
 */
class SparkStudyEngineTest {

    static SparkStudyEngine spark;

    @BeforeAll
    static void start() {
        StudyEngineProvider provider = StudyEngines.find("spark", SparkStudyEngineTest.class.getClassLoader());
        assertThat(provider).as("the engine is registered for ServiceLoader").isNotNull();
        spark = (SparkStudyEngine) provider.open(Map.of("master", "local[2]", "name", "meiplan test"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    static StudySpec spec(String json) throws IOException {
        return StudySpec.parse(new ObjectMapper().readTree(json), "t");
    }

    static StudyRunner runner(StudySpec spec, Path folder) throws IOException {
        StudyInstances instances = StudyInstances.load(spec.grid(), folder);
        return new StudyRunner(spec, InstanceFactory.of(StudyInstances.NAMES, instances::instance, instances::check,
                instances::checkPoint));
    }

    /** The rows without their wall-clock columns (the only ones that differ between two runs of a spec). */
    static List<Map<String, String>> timeless(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> copy = new LinkedHashMap<>(row);
            copy.keySet().removeIf(column -> column.equals("seconds") || column.endsWith(".seconds"));
            out.add(copy);
        }
        return out;
    }

    static List<String> timelessLines(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> fields = List.of(line.split(",", -1));
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).endsWith("seconds")) {
                    kept.append(fields.get(i)).append(',');
                }
            }
            out.add(kept.toString());
        }
        return out;
    }

    static final String SMALL = """
            {"grid": {"scenario": ["virtual-assistant"], "size": ["tiny"], "storageScale": [0.002, 0.02],
             "algorithm.caching": ["greedy", "independent"], "algorithm.serving": ["greedy"]},
             "seeds": 2, "stages": ["caching", "serving"], "timeLimit": 5, "parallel": 2}""";

    @Test
    void sparkRowsEqualTheLocalEnginesAndBothResume(@TempDir Path dir) throws IOException {
        StudyRunner runner = runner(spec(SMALL), dir);
        Path localCsv = dir.resolve("local.csv");
        Path sparkCsv = dir.resolve("spark.csv");
        StudyResult local;
        try (StudyEngine engine = new LocalStudyEngine(2)) {
            local = runner.run(localCsv, StudyListener.NONE, engine);
        }
        StudyResult onSpark = runner.run(sparkCsv, StudyListener.NONE, spark);
        assertThat(local.rows()).hasSize(8);
        assertThat(local.failed()).isZero();
        assertThat(onSpark.columns()).isEqualTo(local.columns());
        assertThat(timeless(onSpark.rows())).isEqualTo(timeless(local.rows()));
        assertThat(timelessLines(sparkCsv)).isEqualTo(timelessLines(localCsv));

        // a partial CSV: three rows kept, the fourth cut short; Spark runs only the other five
        List<String> lines = Files.readAllLines(sparkCsv);
        Files.write(sparkCsv, List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(3),
                lines.get(4).substring(0, 30)));
        StudyResult resumed = runner.run(sparkCsv, StudyListener.NONE, spark);
        assertThat(resumed.resumed()).isEqualTo(3);
        assertThat(resumed.ran()).isEqualTo(5);
        assertThat(timelessLines(sparkCsv)).isEqualTo(timelessLines(localCsv));
        // the resumed rows are kept as they were, time columns included
        assertThat(Files.readAllLines(sparkCsv).subList(0, 4)).isEqualTo(lines.subList(0, 4));
    }

    @Test
    void aFailingRunIsARowWithItsErrorOnBothEngines(@TempDir Path dir) throws IOException {
        StudySpec spec = spec("""
                {"grid": {"scenario": ["virtual-assistant"], "size": ["tiny"], "algorithm.caching": ["greedy"]},
                 "seeds": 3, "stages": ["caching"], "timeLimit": 5}""");
        InstanceFactory failsOnSeedTwo = InstanceFactory.of(org.meiplan.datasets.generate.ScenarioParameters.NAMES,
                (parameters, seed) -> {
                    if (seed == 2) {
                        throw new IllegalArgumentException("no network for seed 2");
                    }
                    return org.meiplan.datasets.generate.ScenarioParameters.instance(parameters, seed);
                });
        StudyRunner runner = new StudyRunner(spec, failsOnSeedTwo);
        StudyResult local = runner.run(dir.resolve("local.csv"), StudyListener.NONE, new LocalStudyEngine(1));
        StudyResult onSpark = runner.run(dir.resolve("spark.csv"), StudyListener.NONE, spark);
        assertThat(onSpark.failed()).isEqualTo(1).isEqualTo(local.failed());
        assertThat(onSpark.rows().get(1).get("error")).isEqualTo("IllegalArgumentException: no network for seed 2");
        assertThat(onSpark.rows().get(0).get("error")).isEmpty();
        assertThat(timeless(onSpark.rows())).isEqualTo(timeless(local.rows()));
    }

    @Test
    void twoUserInstancesRunOnBothEngines(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("nets"));
        ObjectMapper json = new ObjectMapper();
        Files.writeString(dir.resolve("nets/a.json"), json.writeValueAsString(
                ScenarioGenerator.generate("virtual-assistant", Size.TINY, 3).instance()));
        Files.writeString(dir.resolve("nets/b.json"), json.writeValueAsString(
                ScenarioGenerator.generate("mobile-health", Size.TINY, 5).instance()));
        StudyRunner runner = runner(spec("""
                {"grid": {"instance": ["nets/a.json", "nets/b.json"], "storageScale": [0.001, 0.01],
                 "algorithm.caching": ["greedy"]}, "stages": ["caching"], "timeLimit": 5}"""), dir);
        StudyResult local = runner.run(dir.resolve("local.csv"), StudyListener.NONE, new LocalStudyEngine(2));
        StudyResult onSpark = runner.run(dir.resolve("spark.csv"), StudyListener.NONE, spark);
        assertThat(onSpark.failed()).isZero();
        assertThat(onSpark.rows()).extracting(row -> row.get("instance"))
                .containsExactly("nets/a.json", "nets/a.json", "nets/b.json", "nets/b.json");
        assertThat(timeless(onSpark.rows())).isEqualTo(timeless(local.rows()));
        // the scaling reached the user's file: ten times the storage per site
        double small = Double.parseDouble(onSpark.rows().get(0).get("storagePerSite"));
        double large = Double.parseDouble(onSpark.rows().get(1).get("storagePerSite"));
        assertThat(large / small).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void mastersAreCheckedBeforeAnyContextStarts() {
        SparkEngineProvider provider = new SparkEngineProvider();
        assertThatThrownBy(() -> provider.open(Map.of("master", "spark://127.0.0.1:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("--master spark://127.0.0.1:1", "no Spark master answers", "127.0.0.1:1",
                        "start-master.sh", "local[*]");
        assertThatThrownBy(() -> provider.open(Map.of("master", "yarn")))
                .hasMessageContainingAll("--master yarn", "spark-submit", "meiplan-spark-cluster.jar");
        assertThatThrownBy(() -> provider.open(Map.of("master", "locale[2]")))
                .hasMessageContainingAll("--master locale[2]", "not a Spark master URL", "local[N]");
        SparkEngineProvider.checkMaster("local[*]");
        SparkEngineProvider.checkMaster("local[2]");
        SparkEngineProvider.checkMaster("local[2,3]");
    }
}
