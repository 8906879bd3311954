package org.meiplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.plan.Deadline;
import org.meiplan.solvers.plan.PlanReport;
import org.meiplan.solvers.plan.Planner;
import org.meiplan.solvers.plan.PlannerListener;
import org.meiplan.solvers.plan.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan solve INSTANCE}: runs planning stages, evaluates the plan, prints and writes it. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Plan a deployment: run the planning stages, check the plan with the evaluator,"
                + " print a summary and write the plan as JSON.",
                "Exits with 3 when the plan violates a constraint or a stage is infeasible, with 4 when a stage found"
                        + " no solution (time limit, solver error; its reason is printed)."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan solve datasets/instances/edge-tiny.json --stage caching -o plan.json",
                "  meiplan solve INSTANCE --stage caching --algorithm greedy --time-limit 10"})
final class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance JSON file (- reads standard input).")
    Path instanceFile;

    @Option(names = {"--stages", "--stage"}, split = ",", paramLabel = "STAGE",
            description = "Stages to run, comma-separated, in order (default: every stage).")
    List<String> stages;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan to FILE (JSON; - for standard output).")
    Path output;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "DURATION", converter = Durations.class,
            description = "Wall-clock limit for the whole command: reading, planning (split among the stages),"
                    + " evaluating and writing; seconds or with a unit, e.g. 5s, 2 min (default: ${DEFAULT-VALUE} s).")
    double timeLimit;

    @Option(names = "--gap", defaultValue = "1e-4", paramLabel = "GAP",
            description = "Relative gap at which an exact solve may stop (default: ${DEFAULT-VALUE}).")
    double gap;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "ID",
            description = "Math-layer backend: auto, scip, cpsat, glop, pdlp, ojalgo (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--algorithm", defaultValue = "auto", paramLabel = "NAME",
            description = "auto, exact, or a stage's heuristic (see docs) (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--objective", paramLabel = "WEIGHTS", defaultValue = "inference=1,training=1",
            description = "Weights of the joint objective: served-within-SLO share of inference demand and share of"
                    + " training jobs on time (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--json", description = "Print the plan with its report (joint objective, bound, gap) and evaluation as"
            + " JSON on stdout instead of the summary (docs/json-output.md).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!(timeLimit > 0)) {
            throw new IllegalArgumentException("--time-limit " + timeLimit + " must be positive.");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + " must be at least 1.");
        }
        Io.checkOutput(output);
        // one wall-clock deadline for the whole command: reading, planning, evaluating and writing share it
        Deadline deadline = Deadline.after(timeLimit);
        org.meiplan.solvers.math.Solvers.loadInBackground(); // overlaps the native load with reading
        long readStart = System.nanoTime();
        Instance instance = Io.instance(instanceFile);
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        double[] weights = weights(objective);
        Planner.Builder builder = Planner.builder().timeLimitSeconds(timeLimit).relativeGap(gap).threads(threads)
                .seed(seed).weights(weights[0], weights[1]).listener(new Progress(spec.commandLine().getErr(), quiet));
        if (stages != null) {
            builder.stages(stages.stream().map(String::trim).toList());
        } else if (Stages.names().isEmpty()) {
            throw new IllegalArgumentException("no planning stage is available yet.");
        }
        Planner planner = builder.build();
        for (String stage : planner.stages()) {
            builder.solver(stage, solver).algorithm(stage, algorithm);
        }
        planner = builder.build();
        // writing the plan is kept a share in proportion to reading (a plan is smaller than its instance)
        double writeReserve = Math.min(0.2 * deadline.remainingSeconds(), 0.5 * readSeconds + 0.02);
        PlanReport report = planner.plan(instance, new Cancellation(), deadline.minus(writeReserve));
        Plan plan = report.plan();
        Evaluation evaluation = report.evaluation();
        if (output != null) {
            Io.write(spec, output, PlanJson.toString(plan));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(org.meiplan.solvers.export.ReportJson.toString(report));
        } else {
            printSolves(out, plan);
            out.printf(Locale.ROOT, "Joint objective %s (upper bound %s, gap %s) from the %s composition, in %s.%n%n",
                    number(report.jointObjective()), number(report.jointBound()), percent(report.jointGap()),
                    report.composition(), Tables.seconds(report.seconds()));
            printCaches(out, plan);
            Tables.print(out, instance, evaluation);
            if (output != null) {
                out.println("Plan written to " + output);
            }
        }
        out.flush();
        boolean stageFailed = plan.solves().stream().anyMatch(s -> s.status().equals("INFEASIBLE"));
        if (!evaluation.feasible() || stageFailed) {
            return ExitCode.INFEASIBLE;
        }
        boolean nothingFound = report.cancelled() || plan.solves().stream()
                .anyMatch(s -> s.status().equals("NO_SOLUTION") || s.status().equals("ERROR"));
        return nothingFound ? ExitCode.NO_SOLUTION : ExitCode.OK;
    }

    /** Parses {@code inference=W,training=W} (either may be left out; defaults 1). */
    static double[] weights(String text) {
        double[] weights = {1.0, 1.0};
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            int index = switch (kv[0].trim()) {
                case "inference" -> 0;
                case "training" -> 1;
                default -> -1;
            };
            double value;
            try {
                value = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (index < 0 || !(value >= 0.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("--objective \"" + text + "\": write weights as inference=W,training=W"
                        + " with W >= 0, e.g. --objective inference=1,training=0.5.");
            }
            weights[index] = value;
        }
        return weights;
    }

    /** Stage-by-stage progress on stderr. */
    static final class Progress implements PlannerListener {
        private final PrintWriter err;
        private final boolean quiet;
        private long started;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void stageStarted(String stage, int index, int count, double limit) {
            started = System.nanoTime();
            if (!quiet) {
                err.printf(Locale.ROOT, "[%d/%d] %-9s (up to %s) ...%n", index + 1, count, stage, Tables.seconds(limit));
                err.flush();
            }
        }

        @Override
        public void stageFinished(StageSolve solve, int index, int count) {
            if (!quiet) {
                err.printf(Locale.ROOT, "[%d/%d] %-9s %s, gap %s, %s%n", index + 1, count, solve.stage(), solve.status(),
                        percent(solve.gap()), Tables.seconds((System.nanoTime() - started) / 1e9));
                err.flush();
            }
        }
    }

    static void printSolves(PrintWriter out, Plan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"stage", "status", "objective", "bound", "gap", "solver", "time"});
        for (StageSolve s : plan.solves()) {
            rows.add(new String[] {s.stage(), s.status(), number(s.objective()), number(s.bound()), percent(s.gap()),
                s.solver(), Tables.seconds(s.buildSeconds() + s.solveSeconds() + s.decodeSeconds())});
        }
        Tables.table(out, "Stages", rows);
        for (StageSolve s : plan.solves()) {
            if (!s.message().isEmpty()) {
                out.println("  " + s.stage() + ": " + s.message());
            }
        }
        if (plan.solves().stream().anyMatch(s -> !s.message().isEmpty())) {
            out.println();
        }
    }

    static void printCaches(PrintWriter out, Plan plan) {
        if (plan.caching().isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"site", "variants", "cached"});
        int shown = 0;
        for (SiteCache cache : plan.caching()) {
            if (shown++ == Tables.MAX_ROWS) {
                rows.add(new String[] {"...", "", (plan.caching().size() - Tables.MAX_ROWS) + " more sites (see -o FILE)"});
                break;
            }
            List<String> variants = cache.variants();
            String listed = variants.size() <= 8 ? String.join(", ", variants)
                    : String.join(", ", variants.subList(0, 8)) + ", ... (" + (variants.size() - 8) + " more)";
            rows.add(new String[] {cache.site(), String.valueOf(variants.size()), listed.isEmpty() ? "-" : listed});
        }
        Tables.table(out, "Caches", rows);
    }

    static String number(double value) {
        return Double.isNaN(value) ? "-" : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf")
                : String.format(Locale.ROOT, "%.6g", value);
    }

    static String percent(double gap) {
        return Double.isNaN(gap) ? "-" : Double.isInfinite(gap) ? "inf" : String.format(Locale.ROOT, "%.3g%%", 100 * gap);
    }
}
