package org.meiplan.solvers.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.meiplan.models.eval.InferenceReservation;
import org.meiplan.models.formulations.training.TrainingObjective;
import org.meiplan.models.formulations.training.TrainingScheduleFormulation;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Privacy;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.math.Gap;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.SolveTimings;
import org.meiplan.models.math.schedule.ScheduleSolution;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.models.plan.TrainingRun;
import org.meiplan.solvers.plan.Stage;
import org.meiplan.solvers.plan.StageOptions;

/**
 * The "training" stage: schedules the fine-tuning jobs on the compute and GPU memory that inference leaves
 * ({@link InferenceReservation}) with {@link TrainingScheduleFormulation}. Algorithms ({@link StageOptions#algorithm()}):
 * {@code auto}, {@code exact} and {@code cpsat} run {@link CpSatTrainingSchedule} (warm-started by the heuristic);
 * {@code edf} runs {@link EdfAffinityListScheduling}, {@code edf-ls} (= {@code heuristic}) the same improved by {@link EdfWithLocalSearch}. The objective is the stage's setting (default weighted
 * tardiness); a Java caller picks another with {@link #TrainingStage(TrainingScheduleFormulation.Settings)}.
 * Jobs whose data may not leave the device are split at the layer {@link SplitFineTuning} chooses (the split run's
 * site part is what is scheduled).
 *
 * <p>The recorded objective and bound are in the objective's units (seconds, weight met, J); the gap is
 * {@link Gap#relative} of those.
 */
public final class TrainingStage implements Stage {

    private static final System.Logger LOG = System.getLogger(TrainingStage.class.getName());

    private final TrainingScheduleFormulation.Settings settings;

    public TrainingStage() {
        this(TrainingScheduleFormulation.Settings.DEFAULT);
    }

    public TrainingStage(TrainingScheduleFormulation.Settings settings) {
        this.settings = settings;
    }

    /** The outcome of one schedule: runs, the solve in program units, the formulation, and its report. */
    public record Outcome(List<TrainingRun> runs, SolveResult result, TrainingScheduleFormulation formulation,
            StageSolve solve, double roundingOverhead) {
        public Outcome {
            runs = List.copyOf(runs);
        }
    }

    @Override
    public String name() {
        return "training";
    }

    @Override
    public String description() {
        return "Schedule fine-tuning jobs on the GPU compute and memory inference leaves (CP-SAT or EDF with"
                + " base-model affinity), base weights shared by overlapping jobs.";
    }

    @Override
    public Plan solve(Instance instance, Plan sofar, StageOptions options) {
        Outcome outcome = schedule(instance, sofar, options);
        List<StageSolve> solves = new ArrayList<>(sofar.solves());
        solves.add(outcome.solve());
        return new Plan(sofar.instance(), sofar.caching(), sofar.serving(), sofar.radio(), outcome.runs(), solves);
    }

    /** Schedules without building the plan (benchmarks and tests read the solve in program units). */
    public Outcome schedule(Instance instance, Plan sofar, StageOptions options) {
        long t0 = System.nanoTime();
        List<InferenceReservation.Residual> residual = InferenceReservation.residual(instance, sofar);
        int[] split = splitLayers(instance);
        TrainingScheduleFormulation f = TrainingScheduleFormulation.build(instance, residual, split, settings);
        double build = (System.nanoTime() - t0) / 1e9;
        check(options);
        String algorithm = options.algorithm();
        SolveResult r;
        if (f.program().tasks().isEmpty()) {
            // nothing to schedule: the empty schedule is the only one, hence optimal (no solver runs)
            double value = f.program().objectiveValue(new ScheduleSolution(new long[0], new int[0]));
            r = SolveResult.of(SolveStatus.OPTIMAL, value, value, SolveTimings.ZERO, "none", "", 0, new double[0], null,
                    instance.training().jobs().isEmpty() ? "no training jobs"
                            : "no training job fits any site; nothing to schedule");
        } else {
            if (algorithm.equals("auto") && options.timeLimitSeconds() - build < MIN_CPSAT_SECONDS) {
                algorithm = "edf-ls"; // no time to build and start CP-SAT: the heuristic, with its bound
            }
            r = switch (algorithm) {
                case "auto", "exact", "cpsat" -> new CpSatTrainingSchedule().solve(f.program(),
                        options.solveOptions().timeLimitSeconds(Math.max(1e-3, options.timeLimitSeconds() - build)));
                case "edf", "edf-affinity" -> new EdfAffinityListScheduling().solve(f.program());
                default -> new EdfWithLocalSearch().solve(f.program()); // edf-ls, greedy, heuristic (checked above)
            };
        }
        List<TrainingRun> runs = List.of();
        double rounding = Double.NaN;
        if (r.hasSolution()) {
            ScheduleSolution s = f.program().decode(r.values());
            runs = f.decode(s);
            rounding = f.roundingOverhead(s);
            LOG.log(System.Logger.Level.DEBUG, () -> String.format(Locale.ROOT,
                    "training: %d runs, grid of %.0f s lengthens run time by %.2f%%", f.program().tasks().size(),
                    f.tickSeconds(), 100 * f.roundingOverhead(s)));
        }
        for (TrainingScheduleFormulation.Unschedulable u : f.unschedulable()) {
            LOG.log(System.Logger.Level.WARNING, "training job " + u.job() + " fits no site: " + u.reason());
        }
        double objective = r.hasSolution() ? f.report(r.objective()) : Double.NaN;
        double bound = Double.isNaN(r.bound()) ? Double.NaN : f.report(r.bound());
        String message = r.message();
        if (!f.unschedulable().isEmpty()) {
            message = (message.isEmpty() ? "" : message + "; ") + f.unschedulable().size()
                    + " job(s) fit no site, first " + f.unschedulable().get(0).job() + ": "
                    + f.unschedulable().get(0).reason();
        }
        StageSolve solve = new StageSolve(name(), r.status().name(), objective, bound, Gap.relative(objective, bound),
                r.solverId(), r.solverVersion(), build + r.timings().build(), r.timings().solve(), r.timings().decode(),
                r.nodes(), message);
        return new Outcome(runs, r, f, solve, rounding);
    }

    /** {@code auto} runs CP-SAT only with at least this much of the limit left after building, s. */
    static final double MIN_CPSAT_SECONDS = 0.5;

    /** The algorithm names this stage accepts ({@code greedy} and {@code heuristic} are its fast heuristic, edf-ls). */
    public static final List<String> ALGORITHMS = List.of("auto", "exact", "cpsat", "edf", "edf-affinity", "edf-ls",
            "greedy", "heuristic");

    /**
     * Rejects what this stage cannot honour: an unknown algorithm, or a math-layer solver other than CP-SAT (the only
     * one that solves its interval model; the heuristics use none).
     */
    @Override
    public void check(StageOptions options) {
        if (!ALGORITHMS.contains(options.algorithm())) {
            throw new IllegalArgumentException("\"" + options.algorithm() + "\" is not an algorithm of the training"
                    + " stage. Algorithms: auto, exact (= cpsat), edf, edf-ls (= greedy = heuristic).");
        }
        if (!options.solver().equals("auto") && !options.solver().equals(CpSatTrainingSchedule.ID)) {
            throw new IllegalArgumentException("the training stage solves its schedule with cpsat only, not \""
                    + options.solver() + "\". Leave --solver at auto, or plan the other stages alone with --stage.");
        }
    }

    /** Per job, the first layer its site runs: 0, or for data that must stay on the device, SplitFineTuning's choice. */
    static int[] splitLayers(Instance instance) {
        int[] split = new int[instance.training().jobs().size()];
        for (TrainingJob job : instance.training().jobs()) {
            if (job.privacy() == Privacy.DEVICE && job.user() >= 0) {
                split[job.index()] = SplitFineTuning.forJob(instance, job).splitLayer();
            }
        }
        return split;
    }

    /** The objective of this stage. */
    public TrainingObjective objective() {
        return settings.objective();
    }
}
