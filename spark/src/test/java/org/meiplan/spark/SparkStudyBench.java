package org.meiplan.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.meiplan.datasets.generate.StudyInstances;
import org.meiplan.solvers.study.InstanceFactory;
import org.meiplan.solvers.study.LocalStudyEngine;
import org.meiplan.solvers.study.StudyListener;
import org.meiplan.solvers.study.StudyResult;
import org.meiplan.solvers.study.StudyRunner;
import org.meiplan.solvers.study.StudySpec;

/**
 * The study engines against each other in one JVM: 2,000 runs of a small spec (tiny
 * virtual-assistant scenarios, the caching stage, 10 storage scales × 2 algorithms × 100
 * seeds) on the local engine (2 threads) and on Spark {@code local[2]}, alternating, after a
 * warm-up of both; prints each pass, the medians, the ratio Spark / local, and the Spark
 * context's start-up time separately (not part of the Spark passes). Also checks that every
 * pass gives the same rows. Run with:
 * {@code mvn -B -pl spark -am -Pbench -DskipTests verify [-Dbench.seeds=100] [-Dbench.passes=2]}.
 */
public final class SparkStudyBench {

    private SparkStudyBench() {
    }

    static StudySpec spec(int seeds) throws IOException {
        return StudySpec.parse(new ObjectMapper().readTree("""
                {"name": "bench", "grid": {"scenario": ["virtual-assistant"], "size": ["tiny"],
                 "storageScale": [0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.007, 0.01, 0.015, 0.02],
                 "algorithm.caching": ["greedy", "independent"]},
                 "seeds": %d, "stages": ["caching"], "timeLimit": 10, "parallel": 2}""".formatted(seeds)), "bench");
    }

    public static void main(String[] args) throws IOException {
        int seeds = Integer.getInteger("bench.seeds", 100);
        int passes = Integer.getInteger("bench.passes", 2);
        Path dir = Files.createTempDirectory("meiplan-spark-bench");
        StudySpec spec = spec(seeds);
        StudyInstances instances = StudyInstances.load(spec.grid(), dir);
        StudyRunner runner = new StudyRunner(spec, InstanceFactory.of(StudyInstances.NAMES, instances::instance,
                instances::check, instances::checkPoint));
        StudyRunner warm = new StudyRunner(spec(2), InstanceFactory.of(StudyInstances.NAMES, instances::instance,
                instances::check, instances::checkPoint));
        System.out.printf(Locale.ROOT, "spec: %d runs (%d grid points x %d seeds), %d cores%n", spec.runs(),
                spec.points().size(), seeds, Runtime.getRuntime().availableProcessors());
        long begin = System.nanoTime();
        SparkStudyEngine spark = (SparkStudyEngine) new SparkEngineProvider().open(Map.of("master", "local[2]"));
        double start = (System.nanoTime() - begin) / 1e9;
        System.out.printf(Locale.ROOT, "spark local[2] context start-up: %.2f s%n", start);
        List<Double> local = new ArrayList<>();
        List<Double> onSpark = new ArrayList<>();
        try (LocalStudyEngine threads = new LocalStudyEngine(2)) {
            double w1 = pass(warm, threads, dir, "warm-local");
            double w2 = pass(warm, spark, dir, "warm-spark");
            System.out.printf(Locale.ROOT, "warm-up (%d runs): local %.2f s, spark %.2f s%n", warm.spec().runs(), w1, w2);
            List<Map<String, String>> reference = null;
            for (int p = 0; p < passes; p++) {
                double l = pass(runner, threads, dir, "local-" + p);
                double s = pass(runner, spark, dir, "spark-" + p);
                local.add(l);
                onSpark.add(s);
                System.out.printf(Locale.ROOT, "pass %d: local %.2f s (%.1f runs/s), spark %.2f s (%.1f runs/s)%n", p + 1,
                        l, spec.runs() / l, s, spec.runs() / s);
                List<Map<String, String>> rows = SparkStudyEngineTest.timeless(last);
                if (reference == null) {
                    reference = SparkStudyEngineTest.timeless(lastLocal);
                }
                if (!rows.equals(reference) || !SparkStudyEngineTest.timeless(lastLocal).equals(reference)) {
                    throw new IllegalStateException("pass " + (p + 1) + ": the engines' rows differ");
                }
            }
        } finally {
            spark.close();
        }
        double ml = median(local);
        double ms = median(onSpark);
        System.out.printf(Locale.ROOT, "median of %d passes: local %.2f s, spark local[2] %.2f s; spark / local = %.3f;"
                + " spark start-up %.2f s (not included); rows equal in every pass%n", passes, ml, ms, ms / ml, start);
    }

    static List<Map<String, String>> last;
    static List<Map<String, String>> lastLocal;

    static double pass(StudyRunner runner, org.meiplan.solvers.study.StudyEngine engine, Path dir, String name)
            throws IOException {
        Path csv = dir.resolve(name + ".csv");
        Files.deleteIfExists(csv);
        long begin = System.nanoTime();
        StudyResult result = runner.run(csv, StudyListener.NONE, engine);
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (result.failed() > 0) {
            throw new IllegalStateException(name + ": " + result.failed() + " runs failed");
        }
        if (engine instanceof SparkStudyEngine) {
            last = result.rows();
        } else {
            lastLocal = result.rows();
        }
        return seconds;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
