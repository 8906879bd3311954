package org.meiplan.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.meiplan.datasets.generate.StudyInstances;
import org.meiplan.solvers.study.InstanceFactory;
import org.meiplan.solvers.study.StudyListener;
import org.meiplan.solvers.study.StudyReport;
import org.meiplan.solvers.study.StudyResult;
import org.meiplan.solvers.study.StudyRunner;
import org.meiplan.solvers.study.StudySpec;

/**
 * The main class for {@code spark-submit}: runs a study spec on the cluster spark-submit
 * connects to and writes the CSV, plots and report on the driver.
 *
 * <pre>
 * spark-submit --class org.meiplan.spark.SparkStudy --master yarn \
 *     spark/target/meiplan-spark-cluster.jar SPEC.json [-o results.csv] [--plots-dir DIR]
 * </pre>
 *
 * Exit codes as the CLI's: 0 ok, 1 some runs failed or an internal error, 2 invalid input
 * (a bad spec, a missing instance file), checked before any run starts.
 */
public final class SparkStudy {

    private SparkStudy() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs with the given arguments; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path spec = null;
        Path csv = null;
        Path plots = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-o", "--output" -> csv = Path.of(value(args, ++i, "-o"));
                    case "--plots-dir" -> plots = Path.of(value(args, ++i, "--plots-dir"));
                    case "-h", "--help" -> {
                        out.println("usage: spark-submit --class org.meiplan.spark.SparkStudy meiplan-spark-cluster.jar"
                                + " SPEC.json [-o results.csv] [--plots-dir DIR]");
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-") || spec != null) {
                            throw new IllegalArgumentException(args[i] + ": unknown argument. Usage: SPEC.json [-o"
                                    + " results.csv] [--plots-dir DIR]");
                        }
                        spec = Path.of(args[i]);
                    }
                }
            }
            if (spec == null) {
                throw new IllegalArgumentException("give the study spec: SPEC.json [-o results.csv] [--plots-dir DIR]");
            }
            StudySpec study = StudySpec.read(spec);
            StudyInstances instances = StudyInstances.load(study.grid(), spec.toAbsolutePath().getParent());
            StudyRunner runner = new StudyRunner(study, InstanceFactory.of(StudyInstances.NAMES, instances::instance,
                    instances::check, instances::checkPoint));
            Path output = csv != null ? csv : Path.of(study.name() + ".csv");
            runner.checkOutput(output);
            long begin = System.nanoTime();
            JavaSparkContext context = JavaSparkContext.fromSparkContext(
                    org.apache.spark.SparkContext.getOrCreate(new SparkConf().setAppName("meiplan study " + study.name())));
            StudyResult result;
            String description;
            try (SparkStudyEngine engine = new SparkStudyEngine(context, true, (System.nanoTime() - begin) / 1e9)) {
                description = engine.description();
                err.println(study.name() + ": " + study.runs() + " runs on " + description);
                result = runner.run(output, StudyListener.NONE, engine);
            }
            Path dir = plots != null ? plots : output.toAbsolutePath().getParent();
            StudyReport.write(study, result, dir, description, spec.getFileName().toString());
            out.printf(Locale.ROOT, "%s: %d runs (%d now, %d resumed, %d failed) in %.1f s on %s -> %s%n", study.name(),
                    result.rows().size(), result.ran(), result.resumed(), result.failed(), result.seconds(), description,
                    output);
            return result.failed() == 0 ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("meiplan: " + e.getFile() + ": no such file. Check the path.");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("meiplan: " + (spec != null && !String.valueOf(e.getMessage()).startsWith(spec.toString())
                    ? spec + ": " : "") + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("meiplan: " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

}
