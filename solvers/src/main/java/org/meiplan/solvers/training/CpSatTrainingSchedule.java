package org.meiplan.solvers.training;

import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.schedule.ScheduleProgram;
import org.meiplan.models.math.schedule.ScheduleSolution;
import org.meiplan.solvers.backend.ortools.CpSatScheduleBackend;
import org.meiplan.solvers.math.SolveOptions;

/**
 * The training schedule solved exactly by CP-SAT (lazy clause generation with LP relaxations; Perron, Didier,
 * Gay, "The CP-SAT-LP Solver", CP 2023) on the interval model of a {@link ScheduleProgram}: optional intervals per
 * candidate site, cumulative lanes and memory per site, base weights on span intervals. The
 * {@link EdfWithLocalSearch} schedule (EDF list scheduling improved by local search) is given as a hint (warm start), so the answer is never worse than the
 * heuristic's. Reports CP-SAT's best bound and the gap of {@link org.meiplan.models.math.Gap}.
 *
 * <p>With at least {@value #MIN_TASKS_FOR_DECOMPOSITION} tasks and an objective summed over tasks, two phases come
 * first, each on a share of the time limit ({@value #MAX_PHASE_SECONDS} s without one): a {@link PartitionLowerBound}
 * ({@value #PARTITION_BOUND_SHARE}), whose cuts are added to the model (so CP-SAT's bound starts above the trivial
 * one; the reported bound is the larger of the two), and {@link PerMachineResequencing} of the heuristic schedule
 * ({@value #RESEQUENCING_SHARE}), which becomes the hint. CP-SAT gets the rest of the time limit.
 *
 * <p>Running time: exponential in the worst case (the problem is strongly NP-hard); stopped by the time limit or the
 * relative gap of the options, the bound is valid whenever it is finite.
 */
public final class CpSatTrainingSchedule {

    public static final String ID = "cpsat";

    /** Share of the time limit spent on the {@link PartitionLowerBound} before the main solve. */
    static final double PARTITION_BOUND_SHARE = 0.3;
    /** Share of the time limit spent on {@link PerMachineResequencing} of the warm start. */
    static final double RESEQUENCING_SHARE = 0.62;
    /** Length of each of the two phases without a time limit, in seconds. */
    static final double MAX_PHASE_SECONDS = 30;
    static final int DECOMPOSITION_THREADS = 2;
    /** Below this many tasks CP-SAT's own search closes the gap; the two phases are skipped. */
    static final int MIN_TASKS_FOR_DECOMPOSITION = 50;

    private final CpSatScheduleBackend backend = new CpSatScheduleBackend();
    private final PartitionLowerBound partitionBound = new PartitionLowerBound();
    private final PerMachineResequencing resequencing = new PerMachineResequencing();
    private final EdfWithLocalSearch warmStart = new EdfWithLocalSearch();

    public SolveResult solve(ScheduleProgram p, SolveOptions.Builder options) {
        ScheduleSolution hint = warmStart.schedule(p);
        SolveOptions given = options.build();
        PartitionLowerBound.Result lower = null;
        ScheduleProgram model = p;
        String hintName = "EDF with affinity and local search";
        if (PartitionLowerBound.applies(p) && p.tasks().size() >= MIN_TASKS_FOR_DECOMPOSITION) {
            // 1. the partition bound (cuts for the model), 2. the warm start re-solved machine by machine
            double limit = given.timeLimitSeconds();
            int threads = Math.min(DECOMPOSITION_THREADS, given.threads() > 0 ? given.threads() : DECOMPOSITION_THREADS);
            lower = partitionBound.compute(p, share(limit, PARTITION_BOUND_SHARE), threads, given.cancellation());
            model = p.withCuts(lower.cuts());
            long t0 = System.nanoTime();
            if (hint != null) {
                hint = resequencing.improve(p, hint, share(limit, RESEQUENCING_SHARE), threads, given.cancellation());
                hintName = "EDF with affinity and local search, re-solved per site";
            }
            if (Double.isFinite(limit)) {
                double used = lower.seconds() + (System.nanoTime() - t0) / 1e9;
                options.timeLimitSeconds(Math.max(0.1, limit - used));
            }
        }
        if (hint != null) {
            options.warmStart(p.encode(hint));
        }
        SolveResult result = withBound(backend.solve(model, options.build()), lower);
        boolean keepHint = hint != null && (!result.hasSolution() && result.status() != SolveStatus.INFEASIBLE
                || result.hasSolution() && p.objectiveValue(hint) < result.objective());
        if (keepHint) {
            // CP-SAT found nothing better within the limit: the warm start stands, with the best bound known
            double bound = lower != null && !(result.bound() >= lower.bound()) ? lower.bound() : result.bound();
            double alone = EdfAffinityListScheduling.jobAloneBound(p); // valid for every schedule
            bound = Double.isNaN(bound) ? alone : Math.max(bound, alone);
            if (result.status() == SolveStatus.ERROR) {
                // CP-SAT did not run (no natives, a solver error): the schedule is the heuristic's, and says so
                return SolveResult.of(p.objectiveValue(hint) <= bound ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE,
                        p.objectiveValue(hint), Math.min(bound, p.objectiveValue(hint)), result.timings(),
                        EdfWithLocalSearch.ID, "", -1, p.encode(hint), null, "CP-SAT could not run (" + result.message()
                                + "); the heuristic schedule (" + hintName + ") is returned");
            }
            double value = p.objectiveValue(hint);
            return SolveResult.of(value <= bound ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE, value,
                    Math.min(bound, value), result.timings(),
                    result.solverId(), result.solverVersion(), result.nodes(), p.encode(hint), null,
                    "CP-SAT found no better schedule in time; the warm start (" + hintName + ") is returned");
        }
        return result;
    }

    private static double share(double limit, double share) {
        return Double.isFinite(limit) ? share * limit : MAX_PHASE_SECONDS;
    }

    // the reported bound is max(CP-SAT's, the partition bound): both are valid lower bounds of the same program
    private static SolveResult withBound(SolveResult r, PartitionLowerBound.Result lower) {
        if (lower == null || !r.hasSolution() || Double.isFinite(r.bound()) && r.bound() >= lower.bound()) {
            return r;
        }
        return SolveResult.of(r.status(), r.objective(), lower.bound(), r.timings(), r.solverId(), r.solverVersion(),
                r.nodes(), r.values(), null, r.message() + " (bound: partition bound over the jobs pinned to a site)");
    }
}
