package org.meiplan.solvers.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.schedule.Mode;
import org.meiplan.models.math.schedule.ScheduleObjective;
import org.meiplan.models.math.schedule.ScheduleProgram;
import org.meiplan.models.math.schedule.ScheduleSolution;
import org.meiplan.models.math.schedule.Span;
import org.meiplan.models.math.schedule.Task;

/**
 * {@link EdfAffinityListScheduling} followed by a time-boxed local search on the sequences of the machines, for
 * objectives summed over tasks (weighted tardiness, weighted late tasks, mode cost; with makespan the construction is
 * returned as is).
 *
 * <p>Each machine holds a <em>sequence</em> (its tasks by start in the construction), and a sequence is re-timed by
 * serial schedule generation with the tasks' modes fixed: each task in sequence order starts at the earliest tick ≥
 * its release where its mode and the growth of its span fit the machine's resource profiles built so far (the same
 * placement rule as the construction, {@link EdfAffinityListScheduling#earliest}); a sequence where a span cannot grow
 * over a gap is rejected. Machines share no resource and no span, so a machine's part is re-timed alone. Moves, each
 * kept only if the machine's (or the two machines') objective strictly decreases:
 * <ol>
 *   <li>adjacent pairwise interchange, passes until none improves;
 *   <li>insertion of each tardy task at an earlier position (nearest first);
 *   <li>a tardy task moved to another machine where it has a mode (least loaded first, each of its modes there), at
 *       the position of its due date in that machine's sequence.
 * </ol>
 * Rounds of the three repeat until a round improves nothing, the move budget ({@value #DEFAULT_MAX_MOVES} re-timings)
 * is spent, or the deadline passes. The result is checked once with {@link ScheduleProgram#violation} and compared
 * with the construction; should it fail either test (not expected) the construction is returned. So it is always
 * feasible and never worse than {@link EdfAffinityListScheduling}. Deterministic whenever the search stops on its own
 * or on the move budget before the deadline (the case on the benchmark; a deadline hit on a slower machine stops it
 * earlier, with a schedule that is still feasible and never worse).
 *
 * <p>Running time: construction plus O(moves · k · d) with k tasks on the machine re-timed and d the ticks scanned per
 * placement; bounded by the time budget ({@value #DEFAULT_BUDGET_MILLIS} ms by default).
 */
public final class EdfWithLocalSearch {

    public static final String ID = "edf-ls";
    /** Default time budget of the improvement phase, in milliseconds. */
    public static final long DEFAULT_BUDGET_MILLIS = 80;
    /** Default cap on the number of re-timings (keeps the search deterministic on fast machines). */
    public static final long DEFAULT_MAX_MOVES = 200_000;

    private final long budgetNanos;
    private final long maxMoves;
    private final EdfAffinityListScheduling construction = new EdfAffinityListScheduling();

    public EdfWithLocalSearch() {
        this(DEFAULT_BUDGET_MILLIS * 1_000_000L, DEFAULT_MAX_MOVES);
    }

    /** With a time budget for the improvement phase (nanoseconds) and a cap on the number of re-timings. */
    public EdfWithLocalSearch(long budgetNanos, long maxMoves) {
        this.budgetNanos = budgetNanos;
        this.maxMoves = maxMoves;
    }

    /** The schedule (construction improved), or null if the construction finds none. */
    public ScheduleSolution schedule(ScheduleProgram p) {
        long t0 = System.nanoTime();
        ScheduleSolution s = construction.schedule(p);
        if (s == null || !PerMachineResequencing.applies(p) || p.tasks().size() < 2) {
            return s;
        }
        ScheduleSolution improved = new Search(p, s, t0 + budgetNanos, maxMoves).run();
        if (p.violation(improved) != null || !(p.objectiveValue(improved) <= p.objectiveValue(s))) {
            return s; // not expected: every accepted sequence is placed by the construction's own rule
        }
        return improved;
    }

    /** Solves and reports: FEASIBLE (OPTIMAL when the job-alone bound is met) with that bound, or NO_SOLUTION. */
    public SolveResult solve(ScheduleProgram p) {
        long t0 = System.nanoTime();
        ScheduleSolution s = schedule(p);
        return EdfAffinityListScheduling.report(p, s, System.nanoTime() - t0, ID,
                "list scheduling with local search: no bound");
    }

    private static final class Search {
        final ScheduleProgram p;
        final long deadline;
        final long maxMoves;
        long moves;
        final int n;
        final int machines;
        final long[] start;
        final int[] mode;
        final int[][] spanOf; // spanOf[t][o]
        final List<List<Integer>> seq = new ArrayList<>();
        final double[] value; // objective of each machine's part
        final int[][] resourcesOf; // per machine
        final long[][] used;
        final long[] usedFrom;
        final long[] usedTo;
        final long[] spanStart;
        final long[] spanEnd;
        final long[] scratchStart;

        Search(ScheduleProgram p, ScheduleSolution s, long deadline, long maxMoves) {
            this.p = p;
            this.deadline = deadline;
            this.maxMoves = maxMoves;
            n = p.tasks().size();
            machines = p.machines().size();
            start = s.start();
            mode = s.mode();
            spanOf = new int[n][];
            for (int t = 0; t < n; t++) {
                spanOf[t] = new int[p.tasks().get(t).modes().size()];
                Arrays.fill(spanOf[t], -1);
            }
            for (int k = 0; k < p.spans().size(); k++) {
                Span span = p.spans().get(k);
                for (int i = 0; i < span.tasks().length; i++) {
                    spanOf[span.tasks()[i]][span.modes()[i]] = k;
                }
            }
            List<List<Integer>> res = new ArrayList<>();
            for (int m = 0; m < machines; m++) {
                seq.add(new ArrayList<>());
                res.add(new ArrayList<>());
            }
            for (int r = 0; r < p.resources().size(); r++) {
                res.get(p.resources().get(r).machine()).add(r);
            }
            resourcesOf = new int[machines][];
            for (int m = 0; m < machines; m++) {
                resourcesOf[m] = res.get(m).stream().mapToInt(Integer::intValue).toArray();
            }
            for (int t = 0; t < n; t++) {
                seq.get(machine(t)).add(t);
            }
            value = new double[machines];
            for (int m = 0; m < machines; m++) {
                seq.get(m).sort((a, b) -> start[a] != start[b] ? Long.compare(start[a], start[b]) : Integer.compare(a, b));
                for (int t : seq.get(m)) {
                    value[m] += term(t, start[t], mode[t]);
                }
            }
            used = new long[p.resources().size()][];
            usedFrom = new long[p.resources().size()];
            usedTo = new long[p.resources().size()];
            spanStart = new long[p.spans().size()];
            spanEnd = new long[p.spans().size()];
            scratchStart = new long[n];
        }

        int machine(int t) {
            return p.tasks().get(t).modes().get(mode[t]).machine();
        }

        double term(int t, long s, int o) {
            Task task = p.tasks().get(t);
            Mode m = task.modes().get(o);
            if (p.objective() instanceof ScheduleObjective.WeightedTardiness) {
                return task.weight() * Math.max(0, s + m.duration() - task.due());
            }
            if (p.objective() instanceof ScheduleObjective.WeightedLateTasks) {
                return s + m.duration() > task.due() ? task.weight() : 0;
            }
            return m.cost();
        }

        boolean outOfTime() {
            return moves >= maxMoves || (moves & 15) == 0 && System.nanoTime() > deadline;
        }

        /**
         * Re-times the sequence on machine m with the given modes (modeOf[t] for t in the sequence); writes starts into
         * scratchStart and returns the objective of the part, or NaN if a task cannot be placed.
         * The first {@code keep} tasks of the order stay where they are (their committed starts, a feasible partial
         * schedule) and only the rest is placed; gives up (NaN) as soon as the part reaches {@code limit} (objective
         * terms are >= 0, so the sequence cannot be better).
         */
        double retime(int m, List<Integer> order, int[] modeOf, int keep, double limit) {
            moves++;
            for (int r : resourcesOf[m]) {
                if (used[r] == null) {
                    used[r] = new long[(int) p.horizon()];
                    usedFrom[r] = Long.MAX_VALUE;
                    usedTo[r] = Long.MIN_VALUE;
                }
                if (usedFrom[r] < usedTo[r]) {
                    Arrays.fill(used[r], (int) usedFrom[r], (int) usedTo[r], 0);
                }
                usedFrom[r] = Long.MAX_VALUE;
                usedTo[r] = Long.MIN_VALUE;
            }
            for (int t : order) {
                int k = spanOf[t][modeOf[t]];
                if (k >= 0) {
                    spanStart[k] = -1;
                    spanEnd[k] = -1;
                }
            }
            double total = 0;
            for (int i = 0; i < order.size(); i++) {
                int t = order.get(i);
                Task task = p.tasks().get(t);
                int o = modeOf[t];
                Mode md = task.modes().get(o);
                int k = spanOf[t][o];
                Span span = k < 0 ? null : p.spans().get(k);
                long s = i < keep ? start[t] : EdfAffinityListScheduling.earliest(p, used, md, span,
                        k < 0 ? -1 : spanStart[k], k < 0 ? -1 : spanEnd[k], task.release());
                if (s < 0) {
                    return Double.NaN;
                }
                long e = s + md.duration();
                int[] rs = md.resources();
                long[] as = md.amounts();
                for (int x = 0; x < rs.length; x++) {
                    addUsed(rs[x], s, e, as[x]);
                }
                if (span != null) {
                    if (spanStart[k] < 0) {
                        addUsed(span.resource(), s, e, span.amount());
                        spanStart[k] = s;
                        spanEnd[k] = e;
                    } else {
                        addUsed(span.resource(), s, spanStart[k], span.amount());
                        addUsed(span.resource(), spanEnd[k], e, span.amount());
                        spanStart[k] = Math.min(spanStart[k], s);
                        spanEnd[k] = Math.max(spanEnd[k], e);
                    }
                }
                scratchStart[t] = s;
                total += term(t, s, o);
                if (total >= limit) {
                    return Double.NaN;
                }
            }
            return total;
        }

        void addUsed(int r, long from, long to, long amount) {
            if (from >= to) {
                return;
            }
            EdfAffinityListScheduling.add(used[r], from, to, amount);
            usedFrom[r] = Math.min(usedFrom[r], from);
            usedTo[r] = Math.max(usedTo[r], to);
        }

        void commit(List<Integer> order) {
            for (int t : order) {
                start[t] = scratchStart[t];
            }
        }

        /** Tries the sequence on machine m; keeps it (and returns true) if strictly better. */
        boolean tryOrder(int m, List<Integer> order, int keep) {
            double v = retime(m, order, mode, keep, value[m] - 1e-9);
            if (!Double.isNaN(v) && v < value[m] - 1e-9) {
                commit(order);
                value[m] = v;
                return true;
            }
            return false;
        }

        boolean late(int t) {
            return term(t, start[t], mode[t]) > 0;
        }

        ScheduleSolution run() {
            boolean improved = true;
            while (improved && !outOfTime()) {
                improved = false;
                for (int m = 0; m < machines && !outOfTime(); m++) {
                    improved |= interchange(m);
                }
                for (int m = 0; m < machines && !outOfTime(); m++) {
                    improved |= insertion(m);
                }
                improved |= moveBetweenMachines();
            }
            return new ScheduleSolution(start.clone(), mode.clone());
        }

        boolean interchange(int m) {
            List<Integer> order = seq.get(m);
            boolean any = false;
            boolean pass = true;
            while (pass && value[m] > 0 && !outOfTime()) {
                pass = false;
                for (int i = 0; i + 1 < order.size() && !outOfTime(); i++) {
                    java.util.Collections.swap(order, i, i + 1);
                    if (tryOrder(m, order, i)) {
                        pass = true;
                        any = true;
                    } else {
                        java.util.Collections.swap(order, i, i + 1);
                    }
                }
            }
            return any;
        }

        boolean insertion(int m) {
            List<Integer> order = seq.get(m);
            boolean any = false;
            for (int i = 1; i < order.size() && value[m] > 0 && !outOfTime(); i++) {
                int t = order.get(i);
                if (!late(t)) {
                    continue;
                }
                order.remove(i);
                boolean moved = false;
                for (int j = i - 2; j >= 0 && !outOfTime(); j--) { // j = i - 1 is an adjacent interchange
                    order.add(j, t);
                    if (tryOrder(m, order, j)) {
                        moved = true;
                        break;
                    }
                    order.remove(j);
                }
                if (!moved) {
                    order.add(i, t);
                } else {
                    any = true;
                }
            }
            return any;
        }

        boolean moveBetweenMachines() {
            // tardy tasks by their objective term, largest first (ties by index)
            List<Integer> tardy = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                if (late(t) && p.tasks().get(t).modes().size() > 1) {
                    tardy.add(t);
                }
            }
            tardy.sort((a, b) -> {
                int c = Double.compare(term(b, start[b], mode[b]), term(a, start[a], mode[a]));
                return c != 0 ? c : Integer.compare(a, b);
            });
            double[] load = new double[machines];
            for (int t = 0; t < n; t++) {
                load[machine(t)] += p.tasks().get(t).modes().get(mode[t]).duration();
            }
            boolean any = false;
            int[] trial = mode.clone();
            for (int t : tardy) {
                if (outOfTime()) {
                    break;
                }
                if (!late(t)) {
                    continue;
                }
                int from = machine(t);
                Task task = p.tasks().get(t);
                List<Integer> targets = new ArrayList<>();
                for (int o = 0; o < task.modes().size(); o++) {
                    if (task.modes().get(o).machine() != from) {
                        targets.add(o);
                    }
                }
                // least loaded machine first, then the cheaper mode, then the index
                targets.sort((a, b) -> {
                    int c = Double.compare(load[task.modes().get(a).machine()], load[task.modes().get(b).machine()]);
                    if (c != 0) {
                        return c;
                    }
                    c = Double.compare(task.modes().get(a).cost(), task.modes().get(b).cost());
                    return c != 0 ? c : Integer.compare(a, b);
                });
                List<Integer> fromOrder = new ArrayList<>(seq.get(from));
                int removedAt = fromOrder.indexOf(t);
                fromOrder.remove(removedAt);
                double fromValue = retime(from, fromOrder, mode, removedAt, Double.POSITIVE_INFINITY);
                if (Double.isNaN(fromValue)) {
                    continue;
                }
                long[] fromStarts = new long[fromOrder.size()];
                for (int i = 0; i < fromOrder.size(); i++) {
                    fromStarts[i] = scratchStart[fromOrder.get(i)];
                }
                for (int o : targets) {
                    if (outOfTime()) {
                        break;
                    }
                    int to = task.modes().get(o).machine();
                    List<Integer> toOrder = new ArrayList<>(seq.get(to));
                    int pos = 0;
                    while (pos < toOrder.size() && p.tasks().get(toOrder.get(pos)).due() <= task.due()) {
                        pos++;
                    }
                    toOrder.add(pos, t);
                    trial[t] = o;
                    double toValue = retime(to, toOrder, trial, pos, value[from] + value[to] - fromValue - 1e-9);
                    trial[t] = mode[t];
                    if (!Double.isNaN(toValue) && fromValue + toValue < value[from] + value[to] - 1e-9) {
                        load[from] -= task.modes().get(mode[t]).duration();
                        load[to] += task.modes().get(o).duration();
                        mode[t] = o;
                        trial[t] = o;
                        commit(toOrder);
                        for (int i = 0; i < fromOrder.size(); i++) {
                            start[fromOrder.get(i)] = fromStarts[i];
                        }
                        seq.set(from, fromOrder);
                        seq.set(to, toOrder);
                        value[from] = fromValue;
                        value[to] = toValue;
                        any = true;
                        break;
                    }
                }
            }
            return any;
        }
    }
}
