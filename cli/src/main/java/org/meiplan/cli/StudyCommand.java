package org.meiplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.meiplan.datasets.generate.ScenarioParameters;
import org.meiplan.solvers.study.InstanceFactory;
import org.meiplan.solvers.study.StudyPlots;
import org.meiplan.solvers.study.StudyResult;
import org.meiplan.solvers.study.StudyRunner;
import org.meiplan.solvers.study.StudySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan study SPEC}: a grid of scenarios and planner options over seeds, into one CSV and plots. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a batch study: every grid point of SPEC with every seed, in parallel, one CSV row per run"
                + " (parameters, per-stage status, objective, bound, gap, time, and the evaluator's metrics).",
                "Rerunning on the same CSV resumes where it stopped. Plots named in the spec are written as PNG."},
        footerHeading = "%nExample:%n",
        footer = "  meiplan study notebooks/specs/ci-small.json -o ci-small.csv --plots-dir plots")
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The study spec (JSON).")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "CSV", description = "Results CSV (default: <spec name>.csv).")
    Path output;

    @Option(names = "--parallel", paramLabel = "N", description = "Runs at once (default: the spec's, else the cores).")
    Integer parallel;

    @Option(names = "--plots-dir", paramLabel = "DIR", description = "Where plots go (default: beside the CSV).")
    Path plotsDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        StudySpec study = StudySpec.read(specFile);
        if (parallel != null) {
            if (parallel < 1) {
                throw new IllegalArgumentException("--parallel " + parallel + " must be at least 1.");
            }
            study = new StudySpec(study.name(), study.grid(), study.seeds(), study.stages(), study.timeLimitSeconds(),
                    study.threadsPerRun(), parallel, study.plots());
        }
        Path csv = output != null ? output : Path.of(study.name() + ".csv");
        StudyRunner runner = new StudyRunner(study, InstanceFactory.of(ScenarioParameters.NAMES, ScenarioParameters::instance,
                ScenarioParameters::check));
        PrintWriter err = spec.commandLine().getErr();
        StudyResult result = runner.run(csv, (done, total, elapsed) -> {
            if (!quiet) {
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
            }
        });
        Path dir = plotsDir != null ? plotsDir : csv.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(dir);
        for (StudySpec.PlotSpec plot : study.plots()) {
            Path file = dir.resolve(plot.file());
            StudyPlots.write(result.rows(), plot, "study " + study.name() + " (" + specFile.getFileName() + ", "
                    + result.rows().size() + " runs)", file);
            err.println("wrote " + file);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d runs (%d now, %d resumed, %d failed) in %.1f s -> %s%n", study.name(),
                result.rows().size(), result.ran(), result.resumed(), result.failed(), result.seconds(), csv);
        out.flush();
        result.rows().stream().filter(row -> !row.get("error").isEmpty()).findFirst().ifPresent(row ->
                err.println("first failed run: " + row.get("run") + ": " + row.get("error")));
        return result.failed() == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }
}
