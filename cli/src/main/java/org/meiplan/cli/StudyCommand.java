package org.meiplan.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.meiplan.datasets.generate.StudyInstances;
import org.meiplan.solvers.study.InstanceFactory;
import org.meiplan.solvers.study.LocalStudyEngine;
import org.meiplan.solvers.study.StudyEngine;
import org.meiplan.solvers.study.StudyEngineProvider;
import org.meiplan.solvers.study.StudyEngines;
import org.meiplan.solvers.study.StudyListener;
import org.meiplan.solvers.study.StudyReport;
import org.meiplan.solvers.study.StudyResult;
import org.meiplan.solvers.study.StudyRunner;
import org.meiplan.solvers.study.StudySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan study SPEC}: a grid of scenarios and planner options over seeds, into one CSV, plots and a report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a batch study: every grid point of SPEC with every seed, one CSV row per run"
                + " (parameters, per-stage status, objective, bound, gap, time, and the evaluator's metrics).",
                "Rerunning on the same CSV resumes where it stopped. The spec's plots are written as PNG, SVG and"
                + " PDF, with report.html (every plot and a summary table) beside them.",
                "--engine spark runs the same rows on Spark (embedded local[*] unless --master is given)."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan study notebooks/specs/ci-small.json -o ci-small.csv --plots-dir plots",
            "  meiplan study notebooks/specs/ci-small.json --engine spark --master local[2]"})
final class StudyCommand implements Callable<Integer> {

    /** Where the Spark engine's jars are, when not beside the CLI's jar (cli/target/spark-lib). */
    static final String SPARK_LIB_ENV = "MEIPLAN_SPARK_LIB";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The study spec (JSON).")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "CSV", description = "Results CSV (default: <spec name>.csv).")
    Path output;

    @Option(names = "--parallel", paramLabel = "N", description = "Runs at once (default: the spec's, else the cores);"
            + " with --engine spark and no --master: local[N].")
    Integer parallel;

    @Option(names = "--plots-dir", paramLabel = "DIR", description = "Where plots and report.html go (default: beside"
            + " the CSV).")
    Path plotsDir;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (a thread pool, the default) or spark.")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "The Spark master for --engine spark: local[*]"
            + " (default), local[N], or spark://host:port.")
    String master;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new IllegalArgumentException("--engine " + engine + ": not an engine. Use local (the default) or"
                    + " spark.");
        }
        if (master != null && !engine.equals("spark")) {
            throw new IllegalArgumentException("--master " + master + " needs --engine spark (the local engine runs"
                    + " in this JVM).");
        }
        if (parallel != null && (parallel < 1 || parallel > StudySpec.MAX_THREADS)) {
            throw new IllegalArgumentException("--parallel " + parallel + " must be from 1 to " + StudySpec.MAX_THREADS
                    + ".");
        }
        // Everything is checked before any run starts or any file is written.
        StudySpec study = StudySpec.read(specFile);
        if (parallel != null) {
            study = study.withParallel(parallel);
        }
        Path folder = specFile.toAbsolutePath().getParent();
        StudyInstances instances;
        try {
            instances = StudyInstances.load(study.grid(), folder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(specFile + ": " + e.getMessage(), e);
        }
        InstanceFactory factory = InstanceFactory.of(StudyInstances.NAMES, instances::instance, instances::check,
                instances::checkPoint);
        StudyRunner runner;
        try {
            runner = new StudyRunner(study, factory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(specFile + ": " + e.getMessage(), e);
        }
        Path csv = output != null ? output : Path.of(study.name() + ".csv");
        Path csvFolder = csv.toAbsolutePath().getParent();
        if (csvFolder != null && !Files.isDirectory(csvFolder)) {
            throw new IllegalArgumentException("-o " + csv + ": the folder " + csvFolder + " does not exist; create it"
                    + " or write elsewhere.");
        }
        runner.checkOutput(csv);
        Path dir = plotsDir != null ? plotsDir : csvFolder;
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--plots-dir " + dir + " is a file; give a folder.");
        }
        PrintWriter err = spec.commandLine().getErr();
        StudyResult result;
        String engineDescription;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (StudyEngine runs = open(study)) {
            engineDescription = runs.description();
            if (!quiet) {
                err.println(study.name() + ": " + study.runs() + " runs on " + engineDescription);
                err.flush();
            }
            result = runner.run(csv, quiet ? StudyListener.NONE : progress(err), runs);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (dir != null) {
            for (Path file : StudyReport.write(study, result, dir, engineDescription, specFile.getFileName().toString())) {
                if (!quiet) {
                    err.println("wrote " + file);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d runs (%d now, %d resumed, %d failed) in %.1f s on %s -> %s%n", study.name(),
                result.rows().size(), result.ran(), result.resumed(), result.failed(), result.seconds(),
                engineDescription, csv);
        out.flush();
        result.rows().stream().filter(row -> !row.get("error").isEmpty()).findFirst().ifPresent(row ->
                err.println("first failed run: " + row.get("run") + ": " + row.get("error")));
        return result.failed() == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }

    private StudyEngine open(StudySpec study) throws IOException {
        if (engine.equals("local")) {
            return new LocalStudyEngine(study.parallel());
        }
        ClassLoader loader = sparkLoader();
        StudyEngineProvider provider = StudyEngines.find("spark", loader);
        if (provider == null) {
            throw new IllegalArgumentException("--engine spark: the Spark engine is not built (looked in "
                    + sparkLib() + "). Run: mvn -q -B -DskipTests package (it builds spark/ and copies it to"
                    + " cli/target/spark-lib), or set " + SPARK_LIB_ENV + " to the folder of its jars.");
        }
        Thread.currentThread().setContextClassLoader(loader);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("master", master != null ? master : parallel != null ? "local[" + parallel + "]" : "local[*]");
        options.put("name", "meiplan study " + study.name());
        options.put("jars", String.join(",", executorJars()));
        return provider.open(options);
    }

    /** The engine is on the class path already (tests), or in its own folder of jars loaded only now. */
    private static ClassLoader sparkLoader() throws IOException {
        ClassLoader own = StudyCommand.class.getClassLoader();
        if (StudyEngines.find("spark", own) != null) {
            return own;
        }
        Path lib = sparkLib();
        if (lib == null || !Files.isDirectory(lib)) {
            return own;
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return new URLClassLoader("meiplan-spark", urls.toArray(URL[]::new), own);
    }

    static Path sparkLib() {
        String env = System.getenv(SPARK_LIB_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path location = Path.of(StudyCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent().resolve("spark-lib");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The jars executors of a standalone cluster need: this JVM's class path and the engine's own jar. */
    private static List<String> executorJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        Path lib = sparkLib();
        if (lib != null && Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                files.filter(f -> f.getFileName().toString().startsWith("meiplan-spark") && f.toString().endsWith(".jar"))
                        .forEach(f -> jars.add(f.toAbsolutePath().toString()));
            } catch (IOException e) {
                // the engine was loaded from there a moment ago; a listing error leaves the jar out
            }
        }
        return jars;
    }

    private static StudyListener progress(PrintWriter err) {
        return (done, total, elapsed) -> {
            synchronized (err) {
                int width = 30;
                int filled = (int) Math.round(width * done / (double) total);
                double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d runs, %.0f s, ETA %s   ", "=".repeat(filled),
                        " ".repeat(width - filled), done, total, elapsed, Double.isNaN(eta) ? "-"
                                : String.format(Locale.ROOT, "%.0f s", eta));
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }
}
