package org.meiplan.solvers.backend.ortools;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.SatParameters;
import org.meiplan.models.math.Gap;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.ProgramFeatures;
import org.meiplan.models.math.Sense;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.SolveTimings;
import org.meiplan.solvers.math.Backend;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.math.Capabilities;
import org.meiplan.solvers.math.ProgressListener;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Support;

/**
 * OR-Tools CP-SAT, for pure integer programs (scheduling, assignment). Every variable must be integer with finite
 * bounds and every row coefficient an integer: rows are then exact ({@code ⌈lower⌉ ≤ a·x ≤ ⌊upper⌋}). The objective
 * may have real coefficients (CP-SAT scales it). Rational row coefficients are refused by {@link #supports} rather
 * than scaled silently.
 *
 * <p>Workers: 8 by default, because with 2 workers CP-SAT runs no LP-based bounding subsolver and reports weak
 * bounds; with fewer than 8 requested threads {@code interleave_search} is switched on so that the bound subsolvers
 * still get turns. Honours time limit, relative gap, threads, seed, cancellation ({@code stopSearch}), warm start
 * ({@code addHint}) and progress (on each improving solution, and on each bound improvement).
 */
public final class CpSatBackend implements Backend {
    static final int DEFAULT_WORKERS = 8;

    @Override
    public String id() {
        return "cpsat";
    }

    @Override
    public String version() {
        return "OR-Tools " + OrToolsNatives.version() + " CP-SAT";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, true, true, true, false);
    }

    @Override
    public Support supports(ProgramFeatures f) {
        if (!OrToolsNatives.available()) {
            return Support.no("OR-Tools natives could not be loaded: " + OrToolsNatives.failure() + ". Use ojalgo.");
        }
        if (!f.isPureInteger()) {
            return Support.no("cpsat needs every variable integer; the program has "
                    + (f.numVariables() - f.numIntegers()) + " continuous variables. Use scip.");
        }
        if (!f.integerCoefficients()) {
            return Support.no("cpsat needs integer row coefficients; scale the rows to integers or use scip.");
        }
        if (!f.boundedIntegers()) {
            return Support.no("cpsat needs finite bounds on every integer variable; add bounds or use scip.");
        }
        if (f.quadraticObjective()) {
            return Support.no("cpsat: quadratic objectives are not supported by this layer; use ojalgo.");
        }
        return Support.yes();
    }

    @Override
    public SolveResult solve(Program program, SolveOptions options) {
        long t0 = System.nanoTime();
        if (options.relax()) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN, SolveTimings.ZERO, id(), version(), -1,
                    "cpsat cannot solve an LP relaxation; use glop");
        }
        Support support = supports(program.features());
        if (!support.supported()) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN, SolveTimings.ZERO, id(), version(), -1,
                    support.reason());
        }
        Cancellation cancellation = options.cancellation();
        if (cancellation.isCancelled()) {
            return SolveResult.withoutSolution(SolveStatus.NO_SOLUTION, Double.NaN, SolveTimings.ZERO, id(), version(),
                    0, "cancelled before start");
        }
        try {
            CpModel model = new CpModel();
            IntVar[] vars = translate(program, model);
            ScaledObjective scaled = ScaledObjective.of(program);
            scaled.setOn(model, vars, program.sense());
            if (options.hasWarmStart()) {
                int[] cols = options.warmStartColumns();
                double[] vals = options.warmStartValues();
                for (int k = 0; k < cols.length; k++) {
                    model.addHint(vars[cols[k]], Math.round(vals[k]));
                }
            }
            CpSolver solver = solver(options);
            ProgressListener listener = options.progress();
            CpSolverSolutionCallback callback = listener == null ? null : new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    listener.progress(wallTime(), scaled.value(objectiveValue(), program, 0.0),
                            scaled.value(bestObjectiveBound(), program, 1.0));
                }
            };
            long t1 = System.nanoTime();
            CpSolverStatus status;
            try (Cancellation.Registration r = cancellation.onCancel(solver::stopSearch)) {
                status = callback == null ? solver.solve(model) : solver.solve(model, callback);
            }
            long t2 = System.nanoTime();
            SolveStatus s = status(status);
            double[] values = null;
            double objective = Double.NaN;
            if (s.hasSolution()) {
                values = new double[vars.length];
                for (int j = 0; j < vars.length; j++) {
                    values[j] = solver.value(vars[j]);
                }
                objective = program.objectiveValue(values);
            }
            SolveResult raw = result(solver, status, s, objective, values, cancellation, t0, t1, t2, id(), version());
            return scaled.unscale(raw, program, options.relativeGap());
        } catch (RuntimeException e) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN,
                    new SolveTimings((System.nanoTime() - t0) / 1e9, 0, 0), id(), version(), -1, e.toString());
        }
    }

    /** A solver with the options' time limit, gap, workers (interleaved below {@value #DEFAULT_WORKERS}) and seed. */
    static CpSolver solver(SolveOptions options) {
        CpSolver solver = new CpSolver();
        SatParameters.Builder params = solver.getParameters();
        if (Double.isFinite(options.timeLimitSeconds())) {
            params.setMaxTimeInSeconds(options.timeLimitSeconds());
        }
        params.setRelativeGapLimit(options.relativeGap());
        int workers = options.threads() > 0 ? options.threads() : DEFAULT_WORKERS;
        params.setNumWorkers(workers);
        if (workers < DEFAULT_WORKERS) {
            params.setInterleaveSearch(true);
        }
        params.setRandomSeed(options.seed());
        params.setLogSearchProgress(false);
        return solver;
    }

    /** The math layer's status for CP-SAT's. */
    static SolveStatus status(CpSolverStatus status) {
        return switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case UNKNOWN -> SolveStatus.NO_SOLUTION;
            default -> SolveStatus.ERROR; // MODEL_INVALID
        };
    }

    /** The result of a finished solve: bound (equal to the objective when optimal), message and timings. */
    static SolveResult result(CpSolver solver, CpSolverStatus status, SolveStatus s, double objective,
            double[] values, Cancellation cancellation, long t0, long t1, long t2, String id, String version) {
        // without a solution CP-SAT's bound is its initial value (0 when search never began): reported as none
        double bound = !s.hasSolution() ? Double.NaN : solver.bestObjectiveBound() + 0.0;
        if (!(Math.abs(bound) < 1e19)) {
            bound = Double.NaN;
        }
        if (s == SolveStatus.OPTIMAL && Math.abs(bound - objective) <= 1e-9 * Math.max(1, Math.abs(objective))) {
            bound = objective; // same value, recomputed in double: no spurious gap
        }
        String message = cancellation.isCancelled() ? "cancelled"
                : s == SolveStatus.ERROR ? status + ": " + solver.getSolutionInfo()
                : s == SolveStatus.FEASIBLE || s == SolveStatus.NO_SOLUTION ? "stopped by a limit" : "";
        long t3 = System.nanoTime();
        return SolveResult.of(s, objective, bound,
                new SolveTimings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9), id, version,
                solver.numBranches(), values, null, message);
    }

    private static IntVar[] translate(Program p, CpModel model) {
        int n = p.numVariables();
        IntVar[] vars = new IntVar[n];
        for (int j = 0; j < n; j++) {
            vars[j] = model.newIntVar((long) Math.ceil(p.lower(j) - 1e-9), (long) Math.floor(p.upper(j) + 1e-9),
                    p.variableName(j));
        }
        for (int r = 0; r < p.numConstraints(); r++) {
            int len = p.rowEnd(r) - p.rowStart(r);
            IntVar[] rv = new IntVar[len];
            long[] rc = new long[len];
            for (int k = 0; k < len; k++) {
                rv[k] = vars[p.column(p.rowStart(r) + k)];
                rc[k] = (long) p.coefficient(p.rowStart(r) + k);
            }
            LinearExpr e = LinearExpr.weightedSum(rv, rc);
            double lo = p.rowLower(r);
            double hi = p.rowUpper(r);
            if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
                continue;
            } else if (lo == Double.NEGATIVE_INFINITY) {
                model.addLessOrEqual(e, (long) Math.floor(hi + 1e-9));
            } else if (hi == Double.POSITIVE_INFINITY) {
                model.addGreaterOrEqual(e, (long) Math.ceil(lo - 1e-9));
            } else {
                model.addLinearConstraint(e, (long) Math.ceil(lo - 1e-9), (long) Math.floor(hi + 1e-9));
            }
        }
        return vars;
    }

    /**
     * The objective as CP-SAT gets it: integer coefficients {@code c'_j = round(K·c_j)} for a power of two {@code K}
     * chosen so that {@code K·Σ_j |c_j|·max|x_j| ≤ 2^50} (K = 1 when the coefficients are integers already and small).
     * CP-SAT's own scaling of a floating-point objective leaves its bound at the trivial value when it proves
     * optimality with few workers; with an integer objective its bound is exact, and the rounding is accounted for:
     * for every x, {@code |Σ c_j x_j − Σ c'_j x_j / K| ≤ E = Σ_j |c_j − c'_j/K|·max|x_j|}, so the bound reported is
     * CP-SAT's divided by K, widened by E (plus the constant), and OPTIMAL stays OPTIMAL only while that widening is
     * within the requested gap.
     */
    record ScaledObjective(double k, long[] coefficients, double error, boolean any) {
        static final double TARGET = 0x1p50;

        static ScaledObjective of(Program p) {
            int n = p.numVariables();
            double total = 0.0;
            boolean integers = true;
            boolean any = false;
            for (int j = 0; j < n; j++) {
                double c = p.objectiveCoefficient(j);
                any |= c != 0;
                integers &= c == Math.rint(c);
                total += Math.abs(c) * Math.max(Math.abs(p.lower(j)), Math.abs(p.upper(j)));
            }
            double k = integers && total <= TARGET ? 1.0
                    : total > 0 ? Math.scalb(1.0, Math.getExponent(TARGET / total)) : 1.0;
            long[] scaled = new long[n];
            double error = 0.0;
            for (int j = 0; j < n; j++) {
                double c = p.objectiveCoefficient(j);
                scaled[j] = Math.round(c * k);
                error += Math.abs(c - scaled[j] / k) * Math.max(Math.abs(p.lower(j)), Math.abs(p.upper(j)));
            }
            return new ScaledObjective(k, scaled, error, any);
        }

        void setOn(CpModel model, IntVar[] vars, Sense sense) {
            if (!any) {
                return;
            }
            LinearExpr objective = LinearExpr.weightedSum(vars, coefficients);
            if (sense == Sense.MAXIMIZE) {
                model.maximize(objective);
            } else {
                model.minimize(objective);
            }
        }

        /** A CP-SAT objective value in the program's units; {@code widening} 1 for a bound, 0 for a solution's value. */
        double value(double raw, Program p, double widening) {
            return any ? raw / k + widening * (p.sense() == Sense.MAXIMIZE ? error : -error) + p.objectiveConstant()
                    : p.objectiveConstant();
        }

        /** The result with the bound in the program's units (see the record's comment). */
        SolveResult unscale(SolveResult r, Program p, double relativeGap) {
            if (!r.hasSolution() || Double.isNaN(r.bound())) {
                return r;
            }
            double widen = p.sense() == Sense.MAXIMIZE ? error : -error;
            double bound = any ? r.bound() / k + widen + p.objectiveConstant() : r.objective();
            if (Math.abs(bound - r.objective()) <= 1e-9 * Math.max(1.0, Math.abs(r.objective()))) {
                bound = r.objective(); // the same value, recomputed in double: no spurious gap
            }
            SolveStatus status = r.status();
            if (status == SolveStatus.OPTIMAL && Gap.relative(r.objective(), bound) > Math.max(relativeGap, 1e-9)) {
                status = SolveStatus.FEASIBLE; // proven for the rounded objective only
            }
            return SolveResult.of(status, r.objective(), bound, r.timings(), r.solverId(), r.solverVersion(), r.nodes(),
                    r.values(), null, r.message());
        }
    }
}
