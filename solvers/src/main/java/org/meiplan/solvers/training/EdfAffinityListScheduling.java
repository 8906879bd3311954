package org.meiplan.solvers.training;

import java.util.Arrays;
import java.util.Comparator;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.SolveTimings;
import org.meiplan.models.math.schedule.Mode;
import org.meiplan.models.math.schedule.ScheduleProgram;
import org.meiplan.models.math.schedule.ScheduleSolution;
import org.meiplan.models.math.schedule.Span;
import org.meiplan.models.math.schedule.Task;

/**
 * Serial list scheduling in earliest-deadline-first order with base-model affinity, for a {@link ScheduleProgram}:
 * tasks are taken by (due, release, name); each goes to the mode with the earliest feasible end given the resource
 * profiles built so far, ties broken in favour of a machine whose span (the task's base model) is already held there,
 * then by cost. A span grows to cover its new member and must fit over the growth too, else that mode is skipped.
 * Every result satisfies {@link ScheduleProgram#violation}; it exists whenever each task has a mode outside spans that
 * fits its machine alone (the horizon is long enough to append any task after all others), as the training
 * formulation guarantees with its own-copy modes.
 *
 * <p>Running time O(n log n + Σ_t |modes(t)|·(H + span members)) with H the horizon in ticks (one left-to-right scan
 * of the resource profiles per mode). No approximation guarantee for tardiness (the problem with release dates is
 * strongly NP-hard, Lenstra, Rinnooy Kan, Brucker 1977); EDF is optimal for maximum lateness on one machine without
 * release dates (Jackson 1955). Its bound is {@link #jobAloneBound} (OPTIMAL when met); it is CP-SAT's warm start in
 * {@link CpSatTrainingSchedule}.
 */
public final class EdfAffinityListScheduling {

    public static final String ID = "edf-affinity";

    /** The schedule, as a solution of the program. */
    public ScheduleSolution schedule(ScheduleProgram p) {
        int n = p.tasks().size();
        long horizon = p.horizon();
        int resources = p.resources().size();
        long[][] used = new long[resources][];
        // lazily allocated per resource: H longs
        long[] start = new long[n];
        int[] mode = new int[n];
        Arrays.fill(mode, -1);
        // span membership: spanOf[t][o] = span index or -1
        int[][] spanOf = new int[n][];
        for (int t = 0; t < n; t++) {
            spanOf[t] = new int[p.tasks().get(t).modes().size()];
            Arrays.fill(spanOf[t], -1);
        }
        for (int k = 0; k < p.spans().size(); k++) {
            Span span = p.spans().get(k);
            int[] ts = span.tasks();
            int[] os = span.modes();
            for (int i = 0; i < ts.length; i++) {
                spanOf[ts[i]][os[i]] = k;
            }
        }
        long[] spanStart = new long[p.spans().size()];
        long[] spanEnd = new long[p.spans().size()];
        Arrays.fill(spanStart, -1);
        Arrays.fill(spanEnd, -1);
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(t -> p.tasks().get(t).due())
                .thenComparingLong(t -> p.tasks().get(t).release()).thenComparing(t -> p.tasks().get(t).name()));
        for (int t : order) {
            Task task = p.tasks().get(t);
            long bestEnd = Long.MAX_VALUE;
            long bestStart = -1;
            int bestMode = -1;
            boolean bestAffine = false;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int o = 0; o < task.modes().size(); o++) {
                Mode m = task.modes().get(o);
                int k = spanOf[t][o];
                Span span = k < 0 ? null : p.spans().get(k);
                for (int r : m.resources()) {
                    if (used[r] == null) {
                        used[r] = new long[(int) horizon];
                    }
                }
                if (span != null && used[span.resource()] == null) {
                    used[span.resource()] = new long[(int) horizon];
                }
                long s = earliest(p, used, m, span, k < 0 ? -1 : spanStart[k], k < 0 ? -1 : spanEnd[k], task.release());
                if (s < 0) {
                    continue;
                }
                long end = s + m.duration();
                boolean affine = k >= 0 && spanStart[k] >= 0;
                boolean better = end < bestEnd || end == bestEnd && (affine && !bestAffine
                        || affine == bestAffine && m.cost() < bestCost);
                if (better) {
                    bestEnd = end;
                    bestStart = s;
                    bestMode = o;
                    bestAffine = affine;
                    bestCost = m.cost();
                }
            }
            if (bestMode < 0) {
                return null;
            }
            start[t] = bestStart;
            mode[t] = bestMode;
            Mode m = task.modes().get(bestMode);
            int[] rs = m.resources();
            long[] as = m.amounts();
            for (int i = 0; i < rs.length; i++) {
                add(used[rs[i]], bestStart, bestEnd, as[i]);
            }
            int k = spanOf[t][bestMode];
            if (k >= 0) {
                Span span = p.spans().get(k);
                long[] u = used[span.resource()];
                if (spanStart[k] < 0) {
                    add(u, bestStart, bestEnd, span.amount());
                    spanStart[k] = bestStart;
                    spanEnd[k] = bestEnd;
                } else {
                    add(u, bestStart, spanStart[k], span.amount());
                    add(u, spanEnd[k], bestEnd, span.amount());
                    spanStart[k] = Math.min(spanStart[k], bestStart);
                    spanEnd[k] = Math.max(spanEnd[k], bestEnd);
                }
            }
        }
        return new ScheduleSolution(start, mode);
    }

    /** Solves and reports: FEASIBLE (OPTIMAL when the job-alone bound is met) with that bound, or NO_SOLUTION. */
    public SolveResult solve(ScheduleProgram p) {
        long t0 = System.nanoTime();
        ScheduleSolution s = schedule(p);
        return report(p, s, System.nanoTime() - t0, ID, "list scheduling: no bound");
    }

    /** A heuristic's schedule as a result with the job-alone bound, or NO_SOLUTION when {@code s} is null. */
    static SolveResult report(ScheduleProgram p, ScheduleSolution s, long nanos, String id, String message) {
        SolveTimings timings = new SolveTimings(0, nanos / 1e9, 0);
        if (s == null) {
            return SolveResult.withoutSolution(SolveStatus.NO_SOLUTION, Double.NaN, timings, id, "meiplan", 0,
                    "a task fits no mode within the horizon");
        }
        double value = p.objectiveValue(s);
        double bound = jobAloneBound(p);
        // the bound holds for every schedule; a schedule that meets it is optimal
        SolveStatus status = value <= bound ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        return SolveResult.of(status, value, Math.min(bound, value), timings, id, "meiplan", 0, p.encode(s), null,
                message.replace("no bound", "bound: each job alone on its fastest site"));
    }

    /**
     * A lower bound on the objective of every schedule: each task alone, started at its release on its shortest mode
     * (resources and the other tasks ignored) — Σ w·max(0, release + d_min − due) for tardiness, Σ w·[release + d_min
     * > due] for late tasks, Σ min cost for mode cost, max (release + d_min) for makespan. O(Σ modes).
     */
    static double jobAloneBound(ScheduleProgram p) {
        double bound = 0.0;
        for (Task task : p.tasks()) {
            long shortest = Long.MAX_VALUE;
            double cheapest = Double.POSITIVE_INFINITY;
            for (Mode m : task.modes()) {
                shortest = Math.min(shortest, m.duration());
                cheapest = Math.min(cheapest, m.cost());
            }
            long end = task.release() + shortest;
            if (p.objective() instanceof org.meiplan.models.math.schedule.ScheduleObjective.WeightedTardiness) {
                bound += task.weight() * Math.max(0, end - task.due());
            } else if (p.objective() instanceof org.meiplan.models.math.schedule.ScheduleObjective.Makespan) {
                bound = Math.max(bound, end);
            } else if (p.objective() instanceof org.meiplan.models.math.schedule.ScheduleObjective.WeightedLateTasks) {
                bound += end > task.due() ? task.weight() : 0.0;
            } else {
                bound += cheapest;
            }
        }
        return bound;
    }

    static void add(long[] used, long from, long to, long amount) {
        for (long tau = Math.max(0, from); tau < to; tau++) {
            used[(int) tau] += amount;
        }
    }

    /** Earliest start ≥ release where the mode (and the growth of its span) fits, or -1. */
    static long earliest(ScheduleProgram p, long[][] used, Mode m, Span span, long a, long b, long release) {
        long horizon = p.horizon();
        int[] rs = m.resources();
        long[] as = m.amounts();
        long s = release;
        while (s + m.duration() <= horizon) {
            long tau = s;
            long end = s + m.duration();
            boolean ok = true;
            for (; tau < end; tau++) {
                if (!fits(p, used, rs, as, span, a, b, tau)) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                s = tau + 1;
                continue;
            }
            if (span != null && a >= 0) {
                // the span grows over the gap between its extent and the run: the base must fit there too
                long gapFrom = end < a ? end : b;
                long gapTo = end < a ? a : s;
                long bad = -1;
                for (long g = gapFrom; g < gapTo; g++) {
                    if (used[span.resource()][(int) g] + span.amount() > p.resources().get(span.resource()).capacity()) {
                        bad = g;
                    }
                }
                if (bad >= 0) {
                    return -1; // the base cannot be held over the gap: the task takes another mode (its own copy)
                }
            }
            return s;
        }
        return -1;
    }

    private static boolean fits(ScheduleProgram p, long[][] used, int[] rs, long[] as, Span span, long a, long b,
            long tau) {
        for (int i = 0; i < rs.length; i++) {
            long extra = span != null && span.resource() == rs[i] && !(a >= 0 && a <= tau && tau < b) ? span.amount() : 0;
            if (used[rs[i]][(int) tau] + as[i] + extra > p.resources().get(rs[i]).capacity()) {
                return false;
            }
        }
        if (span != null && !(a >= 0 && a <= tau && tau < b)) {
            boolean counted = false;
            for (int r : rs) {
                counted |= r == span.resource();
            }
            if (!counted && used[span.resource()][(int) tau] + span.amount()
                    > p.resources().get(span.resource()).capacity()) {
                return false;
            }
        }
        return true;
    }
}
