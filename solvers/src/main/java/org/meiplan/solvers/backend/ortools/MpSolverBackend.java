package org.meiplan.solvers.backend.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.ProgramFeatures;
import org.meiplan.models.math.Sense;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.SolveTimings;
import org.meiplan.solvers.math.Backend;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.math.Capabilities;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Support;

/**
 * OR-Tools {@code MPSolver} backends: {@link #scip()} for MILPs, {@link #glop()} (simplex) and {@link #pdlp()}
 * (first-order, for very large LPs) for LPs.
 *
 * <p>What is honoured:
 * <ul>
 *   <li>time limit: all three ({@code MPSolver.setTimeLimit});</li>
 *   <li>relative gap: SCIP ({@code RELATIVE_MIP_GAP}; SCIP's own gap is ≥ ours, so ours ends ≤ the limit);</li>
 *   <li>threads: PDLP only. SCIP always runs with one thread: with more, OR-Tools switches SCIP to its concurrent
 *       mode, which stopped after seconds with a worse answer on this stack. GLOP is sequential;</li>
 *   <li>seed: SCIP ({@code randomization/randomseedshift}) and GLOP ({@code random_seed}); PDLP is deterministic;</li>
 *   <li>cancellation: all three ({@code MPSolver.interruptSolve});</li>
 *   <li>warm start: SCIP ({@code MPSolver.setHint}, used as a (partial) start solution);</li>
 *   <li>progress: none (the Java wrapper of MPSolver has no callback);</li>
 *   <li>duals: GLOP and PDLP.</li>
 * </ul>
 * The native solver is created per call and deleted before {@code solve} returns; calls from several threads are
 * independent.
 */
public final class MpSolverBackend implements Backend {
    private final String id;
    private final String solverName;
    private final boolean mip;

    private MpSolverBackend(String id, String solverName, boolean mip) {
        this.id = id;
        this.solverName = solverName;
        this.mip = mip;
    }

    /** SCIP branch-and-cut, for MILPs (and LPs). */
    public static MpSolverBackend scip() {
        return new MpSolverBackend("scip", "SCIP", true);
    }

    /** GLOP primal/dual simplex, for LPs. */
    public static MpSolverBackend glop() {
        return new MpSolverBackend("glop", "GLOP", false);
    }

    /** PDLP primal-dual hybrid gradient, for very large LPs (lower accuracy, 1e-6-ish relative). */
    public static MpSolverBackend pdlp() {
        return new MpSolverBackend("pdlp", "PDLP", false);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return "OR-Tools " + OrToolsNatives.version() + " " + solverName;
    }

    @Override
    public Capabilities capabilities() {
        boolean scip = id.equals("scip");
        boolean pdlp = id.equals("pdlp");
        return new Capabilities(true, scip, pdlp, !pdlp, true, scip, false, !scip);
    }

    @Override
    public Support supports(ProgramFeatures f) {
        if (!OrToolsNatives.available()) {
            return Support.no("OR-Tools natives could not be loaded: " + OrToolsNatives.failure() + ". Use ojalgo.");
        }
        if (f.quadraticObjective()) {
            return Support.no(id + " solves linear programs only; use ojalgo for a quadratic objective.");
        }
        if (!mip && f.hasIntegers()) {
            return Support.no(id + " solves LPs only, and the program has " + f.numIntegers()
                    + " integer variables. Use scip, or solve the LP relaxation with SolveOptions.relax(true).");
        }
        return Support.yes();
    }

    @Override
    public SolveResult solve(Program program, SolveOptions options) {
        long t0 = System.nanoTime();
        Program p = options.relax() ? program.relaxation() : program;
        Support support = supports(p.features());
        if (!support.supported()) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN, SolveTimings.ZERO, id, version(), -1,
                    support.reason());
        }
        Cancellation cancellation = options.cancellation();
        if (cancellation.isCancelled()) {
            return SolveResult.withoutSolution(SolveStatus.NO_SOLUTION, Double.NaN, SolveTimings.ZERO, id, version(), 0,
                    "cancelled before start");
        }
        MPSolver solver = MPSolver.createSolver(solverName);
        if (solver == null) {
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN, SolveTimings.ZERO, id, version(), -1,
                    "OR-Tools was built without " + solverName);
        }
        MPSolverParameters params = new MPSolverParameters();
        try {
            MPVariable[] vars = translate(p, solver);
            configure(p, solver, params, vars, options);
            long t1 = System.nanoTime();
            MPSolver.ResultStatus status;
            try (Cancellation.Registration r = cancellation.onCancel(solver::interruptSolve)) {
                status = solver.solve(params);
            }
            long t2 = System.nanoTime();
            boolean cancelled = cancellation.isCancelled();
            String note = "";
            if (!p.features().hasIntegers() && !cancelled && ambiguous(status, options, (t2 - t1) / 1e9)) {
                // GLOP reports INFEASIBLE for "infeasible or unbounded", PDLP gives up without a status:
                // re-solve without objective to tell the two apart.
                solver.objective().clear();
                MPSolver.ResultStatus feasibility = solver.solve(params);
                if (feasibility == MPSolver.ResultStatus.OPTIMAL || feasibility == MPSolver.ResultStatus.FEASIBLE) {
                    status = MPSolver.ResultStatus.UNBOUNDED;
                    note = "feasible (checked without objective), so the objective is unbounded";
                } else if (feasibility == MPSolver.ResultStatus.INFEASIBLE) {
                    status = MPSolver.ResultStatus.INFEASIBLE;
                    note = "infeasible (checked without objective)";
                }
                t2 = System.nanoTime();
            }
            SolveResult result = decode(p, solver, vars, status, cancelled, note, t0, t1, t2);
            return result;
        } catch (RuntimeException e) {
            double s = (System.nanoTime() - t0) / 1e9;
            return SolveResult.withoutSolution(SolveStatus.ERROR, Double.NaN, new SolveTimings(s, 0, 0), id, version(),
                    -1, e.toString());
        } finally {
            params.delete();
            solver.delete();
        }
    }

    /**
     * Adds the program's variables, rows and objective to an empty MPSolver, without names (the
     * solve path: OR-Tools does not need them, and the program keeps its names for export and
     * diagnostics), and returns its variables by column. Public for benchmarks and for callers who
     * need an MPSolver feature this layer does not expose; the caller owns the solver and must
     * {@code delete()} it.
     */
    public static MPVariable[] translate(Program p, MPSolver solver) {
        return translate(p, solver, false);
    }

    /** As {@link #translate(Program, MPSolver)}, with the program's readable names when {@code names} is set. */
    public static MPVariable[] translate(Program p, MPSolver solver, boolean names) {
        int n = p.numVariables();
        MPVariable[] vars = new MPVariable[n];
        for (int j = 0; j < n; j++) {
            vars[j] = solver.makeVar(p.lower(j), p.upper(j), p.isIntegral(j), names ? p.variableName(j) : "");
        }
        for (int r = 0; r < p.numConstraints(); r++) {
            MPConstraint c = solver.makeConstraint(p.rowLower(r), p.rowUpper(r), names ? p.constraintName(r) : "");
            for (int k = p.rowStart(r); k < p.rowEnd(r); k++) {
                c.setCoefficient(vars[p.column(k)], p.coefficient(k));
            }
        }
        MPObjective objective = solver.objective();
        for (int j = 0; j < n; j++) {
            double c = p.objectiveCoefficient(j);
            if (c != 0) {
                objective.setCoefficient(vars[j], c);
            }
        }
        objective.setOffset(p.objectiveConstant());
        if (p.sense() == Sense.MAXIMIZE) {
            objective.setMaximization();
        } else {
            objective.setMinimization();
        }
        return vars;
    }

    /** Bounds at least this large in magnitude are the solver's stand-in for infinity, i.e. no bound. */
    static final double INFINITE_BOUND = 1e19;

    private void configure(Program p, MPSolver solver, MPSolverParameters params, MPVariable[] vars,
                           SolveOptions options) {
        if (Double.isFinite(options.timeLimitSeconds())) {
            solver.setTimeLimit(Math.max(1L, (long) Math.ceil(options.timeLimitSeconds() * 1000)));
        }
        switch (id) {
            case "scip" -> {
                solver.setNumThreads(1);
                params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeGap());
                solver.setSolverSpecificParametersAsString("randomization/randomseedshift = " + options.seed() + "\n");
                if (options.hasWarmStart()) {
                    int[] cols = options.warmStartColumns();
                    double[] vals = options.warmStartValues();
                    MPVariable[] hinted = new MPVariable[cols.length];
                    for (int k = 0; k < cols.length; k++) {
                        if (cols[k] >= vars.length) {
                            throw new IllegalArgumentException("Warm start gives column " + cols[k]
                                    + ", but the program has " + vars.length + " variables");
                        }
                        hinted[k] = vars[cols[k]];
                    }
                    solver.setHint(hinted, vals);
                }
            }
            case "glop" -> solver.setSolverSpecificParametersAsString("random_seed: " + options.seed());
            case "pdlp" -> {
                if (options.threads() > 0) {
                    solver.setNumThreads(options.threads());
                }
            }
            default -> throw new IllegalStateException("unknown MPSolver backend " + id);
        }
    }

    private boolean ambiguous(MPSolver.ResultStatus status, SolveOptions options, double seconds) {
        return status == MPSolver.ResultStatus.INFEASIBLE
                || (id.equals("pdlp") && status == MPSolver.ResultStatus.NOT_SOLVED
                && seconds < 0.9 * options.timeLimitSeconds());
    }

    private SolveResult decode(Program p, MPSolver solver, MPVariable[] vars, MPSolver.ResultStatus status,
                               boolean cancelled, String note, long t0, long t1, long t2) {
        boolean isMip = p.features().hasIntegers();
        SolveStatus s = switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case UNBOUNDED -> SolveStatus.UNBOUNDED;
            case NOT_SOLVED -> SolveStatus.NO_SOLUTION;
            default -> SolveStatus.ERROR; // ABNORMAL, MODEL_INVALID
        };
        double objective = Double.NaN;
        double bound = Double.NaN;
        double[] values = null;
        double[] duals = null;
        if (s.hasSolution()) {
            values = new double[vars.length];
            for (int j = 0; j < vars.length; j++) {
                values[j] = vars[j].solutionValue();
            }
            objective = solver.objective().value();
            if (!isMip && s == SolveStatus.OPTIMAL) {
                duals = new double[p.numConstraints()];
                MPConstraint[] rows = solver.constraints();
                for (int r = 0; r < rows.length; r++) {
                    duals[r] = rows[r].dualValue();
                }
            }
        }
        if (isMip && (s.hasSolution() || s == SolveStatus.NO_SOLUTION)) {
            bound = solver.objective().bestBound();
            if (!(Math.abs(bound) < INFINITE_BOUND)) {
                bound = Double.NaN; // SCIP's "infinity" (1e20): nothing is proven, the bound is none
            }
        }
        long nodes = isMip ? solver.nodes() : 0;
        String message = cancelled ? "cancelled" : !note.isEmpty() ? note : s == SolveStatus.FEASIBLE || s == SolveStatus.NO_SOLUTION
                ? "stopped by a limit" : status == MPSolver.ResultStatus.OPTIMAL ? "" : status.toString();
        long t3 = System.nanoTime();
        return SolveResult.of(s, objective, bound, new SolveTimings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9),
                id, version(), nodes, values, duals, message);
    }
}
