package org.meiplan.solvers.backend.ortools;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.DoubleLinearExpr;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.List;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.SolveTimings;
import org.meiplan.models.math.schedule.Mode;
import org.meiplan.models.math.schedule.Resource;
import org.meiplan.models.math.schedule.ScheduleObjective;
import org.meiplan.models.math.schedule.ScheduleProgram;
import org.meiplan.models.math.schedule.ScheduleSolution;
import org.meiplan.models.math.schedule.Span;
import org.meiplan.models.math.schedule.Task;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.math.SolveOptions;

/**
 * Solves a {@link ScheduleProgram} with OR-Tools CP-SAT: per task one start variable and, per mode, an optional
 * fixed-size interval {@code [start, start + duration)} with a presence literal (exactly one present); per resource
 * one {@code addCumulative} over the intervals of its machine's modes and spans; per span an optional interval whose
 * presence is the OR of its members' and whose extent covers them; per {@link ScheduleProgram#cuts() objective cut} a
 * linear row over the objective terms of its tasks (only when their coefficients are integers, as CP-SAT requires;
 * otherwise the cut is left out — weaker, never wrong). Warm start: the values of
 * {@link ScheduleProgram#encode} as hints. Workers: as {@link CpSatBackend} (8 by default; {@code interleave_search}
 * below 8 so the LP-based bound subsolvers still run and a bound is reported).
 *
 * <p>Values of the result follow {@link ScheduleProgram#encode}; objective and bound are in program units; the gap is
 * {@link org.meiplan.models.math.Gap#relative}, through {@link SolveResult#of}.
 */
public final class CpSatScheduleBackend {

    public String id() {
        return "cpsat";
    }

    public String version() {
        return "OR-Tools " + OrToolsNatives.version() + " CP-SAT";
    }

    /** Solves the program; failures are statuses, never exceptions. */
    public SolveResult solve(ScheduleProgram p, SolveOptions options) {
        long t0 = System.nanoTime();
        if (!OrToolsNatives.available()) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN, SolveTimings.ZERO, id(), version(), -1,
                    "OR-Tools natives could not be loaded: " + OrToolsNatives.failure());
        }
        Cancellation cancellation = options.cancellation();
        if (cancellation.isCancelled()) {
            return SolveResult.withoutSolution(SolveStatus.NO_SOLUTION, Double.NaN, SolveTimings.ZERO, id(), version(),
                    0, "cancelled before start");
        }
        try {
            CpModel model = new CpModel();
            int n = p.tasks().size();
            long horizon = p.horizon();
            IntVar[] start = new IntVar[n];
            IntVar[] end = new IntVar[n];
            BoolVar[][] present = new BoolVar[n][];
            List<List<IntervalVar>> intervalsOf = new ArrayList<>();
            List<List<Long>> demandsOf = new ArrayList<>();
            for (int r = 0; r < p.resources().size(); r++) {
                intervalsOf.add(new ArrayList<>());
                demandsOf.add(new ArrayList<>());
            }
            // data → variables: start[t], present[t,o], interval[t,o] = [start[t], start[t] + duration[t,o])
            for (int t = 0; t < n; t++) {
                Task task = p.tasks().get(t);
                long minDuration = Long.MAX_VALUE;
                long maxDuration = 0;
                for (Mode mode : task.modes()) {
                    minDuration = Math.min(minDuration, mode.duration());
                    maxDuration = Math.max(maxDuration, mode.duration());
                }
                start[t] = model.newIntVar(task.release(), Math.max(task.release(), horizon - minDuration),
                        "start[" + task.name() + "]");
                end[t] = model.newIntVar(task.release() + minDuration, horizon, "end[" + task.name() + "]");
                present[t] = new BoolVar[task.modes().size()];
                LinearExprBuilder duration = LinearExpr.newBuilder();
                for (int o = 0; o < task.modes().size(); o++) {
                    Mode mode = task.modes().get(o);
                    present[t][o] = model.newBoolVar("present[" + task.name() + "," + o + "]");
                    IntervalVar interval = model.newOptionalFixedSizeIntervalVar(start[t], mode.duration(),
                            present[t][o], "run[" + task.name() + "," + o + "]");
                    duration.addTerm(present[t][o], mode.duration());
                    int[] rs = mode.resources();
                    long[] as = mode.amounts();
                    for (int i = 0; i < rs.length; i++) {
                        if (as[i] > 0) {
                            intervalsOf.get(rs[i]).add(interval);
                            demandsOf.get(rs[i]).add(as[i]);
                        }
                    }
                }
                // Σ_o present[t,o] = 1
                model.addExactlyOne(present[t]);
                // end[t] = start[t] + Σ_o duration[t,o]·present[t,o]
                duration.add(start[t]);
                model.addEquality(end[t], duration);
            }
            // spans: present[σ] = OR of members, [a, b) ⊇ every present member
            for (Span span : p.spans()) {
                int[] ts = span.tasks();
                int[] os = span.modes();
                BoolVar q = model.newBoolVar("present[" + span.name() + "]");
                IntVar a = model.newIntVar(0, horizon, "start[" + span.name() + "]");
                IntVar b = model.newIntVar(0, horizon, "end[" + span.name() + "]");
                IntVar size = model.newIntVar(0, horizon, "size[" + span.name() + "]");
                IntervalVar interval = model.newOptionalIntervalVar(a, size, b, q, "span[" + span.name() + "]");
                BoolVar[] members = new BoolVar[ts.length];
                for (int i = 0; i < ts.length; i++) {
                    members[i] = present[ts[i]][os[i]];
                    model.addImplication(members[i], q);
                    model.addLessOrEqual(a, start[ts[i]]).onlyEnforceIf(members[i]);
                    model.addGreaterOrEqual(b, end[ts[i]]).onlyEnforceIf(members[i]);
                }
                model.addBoolOr(members).onlyEnforceIf(q);
                intervalsOf.get(span.resource()).add(interval);
                demandsOf.get(span.resource()).add(span.amount());
            }
            // Σ demand of the intervals running at τ ≤ capacity[r]   for every resource r (cumulative)
            for (int r = 0; r < p.resources().size(); r++) {
                Resource resource = p.resources().get(r);
                List<IntervalVar> intervals = intervalsOf.get(r);
                if (intervals.isEmpty()) {
                    continue;
                }
                CumulativeConstraint cumulative = model.addCumulative(resource.capacity());
                long[] demands = demandsOf.get(r).stream().mapToLong(Long::longValue).toArray();
                cumulative.addDemands(intervals.toArray(new IntervalVar[0]), demands);
            }
            objective(model, p, end, present);
            if (options.hasWarmStart()) {
                ScheduleSolution hint = p.decode(options.warmStart(p.numValues()));
                for (int t = 0; t < n; t++) {
                    model.addHint(start[t], hint.start(t));
                    for (int o = 0; o < present[t].length; o++) {
                        model.addHint(present[t][o], hint.mode(t) == o ? 1 : 0);
                    }
                }
            }
            CpSolver solver = CpSatBackend.solver(options);
            long t1 = System.nanoTime();
            CpSolverStatus status;
            try (Cancellation.Registration reg = cancellation.onCancel(solver::stopSearch)) {
                status = solver.solve(model);
            }
            long t2 = System.nanoTime();
            SolveStatus s = CpSatBackend.status(status);
            double[] values = null;
            double objective = Double.NaN;
            if (s.hasSolution()) {
                long[] starts = new long[n];
                int[] modes = new int[n];
                for (int t = 0; t < n; t++) {
                    starts[t] = solver.value(start[t]);
                    for (int o = 0; o < present[t].length; o++) {
                        if (solver.booleanValue(present[t][o])) {
                            modes[t] = o;
                        }
                    }
                }
                ScheduleSolution solution = new ScheduleSolution(starts, modes);
                values = p.encode(solution);
                objective = p.objectiveValue(solution);
            }
            return CpSatBackend.result(solver, status, s, objective, values, cancellation, t0, t1, t2, id(),
                    version());
        } catch (RuntimeException e) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN,
                    new SolveTimings((System.nanoTime() - t0) / 1e9, 0, 0), id(), version(), -1, e.toString());
        }
    }

    private static void objective(CpModel model, ScheduleProgram p, IntVar[] end, BoolVar[][] present) {
        int n = p.tasks().size();
        ScheduleObjective o = p.objective();
        if (o instanceof ScheduleObjective.Makespan) {
            // makespan ≥ end[t]   for every task t
            IntVar makespan = model.newIntVar(0, p.horizon(), "makespan");
            model.addMaxEquality(makespan, end);
            model.minimize(makespan);
            return;
        }
        List<IntVar> vars = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        int[] firstTerm = new int[n + 1];
        for (int t = 0; t < n; t++) {
            firstTerm[t] = vars.size();
            Task task = p.tasks().get(t);
            if (o instanceof ScheduleObjective.WeightedTardiness) {
                // tardy[t] ≥ end[t] − due[t],  tardy[t] ≥ 0
                if (task.weight() == 0) {
                    continue;
                }
                IntVar tardy = model.newIntVar(0, p.horizon(), "tardy[" + task.name() + "]");
                model.addGreaterOrEqual(tardy, LinearExpr.newBuilder().add(end[t]).add(-task.due()).build());
                vars.add(tardy);
                coefficients.add(task.weight());
            } else if (o instanceof ScheduleObjective.WeightedLateTasks) {
                // ¬late[t] ⇒ end[t] ≤ due[t]
                if (task.weight() == 0) {
                    continue;
                }
                BoolVar late = model.newBoolVar("late[" + task.name() + "]");
                model.addLessOrEqual(end[t], Math.max(0, task.due())).onlyEnforceIf(late.not());
                vars.add(late);
                coefficients.add(task.weight());
            } else {
                for (int m = 0; m < present[t].length; m++) {
                    vars.add(present[t][m]);
                    coefficients.add(task.modes().get(m).cost());
                }
            }
        }
        firstTerm[n] = vars.size();
        addObjectiveCuts(model, p, vars, coefficients, firstTerm);
        if (vars.isEmpty()) {
            model.minimize(LinearExpr.constant(0));
            return;
        }
        double[] c = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
        model.minimize(DoubleLinearExpr.weightedSum(vars.toArray(new IntVar[0]), c));
    }

    // Σ_{t ∈ G} objective terms of t ≥ ⌈bound(G)⌉   for every cut G of the program whose coefficients are integers
    // (CP-SAT needs integer coefficients; a cut with another coefficient is left out: weaker, never wrong)
    private static void addObjectiveCuts(CpModel model, ScheduleProgram p, List<IntVar> vars, List<Double> coefficients,
            int[] firstTerm) {
        for (ScheduleProgram.ObjectiveCut cut : p.cuts()) {
            List<IntVar> cutVars = new ArrayList<>();
            List<Long> cutCoefficients = new ArrayList<>();
            boolean integral = true;
            for (int t : cut.tasks()) {
                for (int k = firstTerm[t]; k < firstTerm[t + 1]; k++) {
                    double c = coefficients.get(k);
                    integral &= Math.abs(c - Math.rint(c)) <= 1e-9 && Math.abs(c) < 1e9;
                    cutVars.add(vars.get(k));
                    cutCoefficients.add(Math.round(c));
                }
            }
            if (!integral || cutVars.isEmpty()) {
                continue;
            }
            long rhs = (long) Math.ceil(cut.bound() - 1e-6);
            model.addGreaterOrEqual(LinearExpr.weightedSum(cutVars.toArray(new IntVar[0]),
                    cutCoefficients.stream().mapToLong(Long::longValue).toArray()), rhs);
        }
    }
}
