package org.meiplan.models.math;

import java.util.Objects;

/**
 * The outcome of solving a {@link Program}: a value, whatever happened.
 *
 * @param status        what was proven or found
 * @param objective     objective of the returned solution (with the constant), NaN without a solution
 * @param bound         best proven bound on the optimum (below for minimization, above for maximization); NaN if
 *                      unknown; equal to the objective when optimal and the solver reports no bound
 * @param gap           {@link Gap#relative(double, double)} of objective and bound, never computed elsewhere
 * @param timings       build / solve / decode seconds
 * @param solverId      backend id ({@code scip}, {@code cpsat}, {@code glop}, {@code pdlp}, {@code ojalgo})
 * @param solverVersion version string of the underlying solver library
 * @param nodes         branch-and-bound nodes (or CP-SAT branches), -1 if unknown, 0 for an LP
 * @param values        primal values by column when {@link SolveStatus#hasSolution()}, else an empty array
 * @param duals         row duals for an LP solved to optimality when the backend reports them, else empty
 * @param message       a human-readable detail (why it stopped, a solver message); never null
 */
public record SolveResult(SolveStatus status, double objective, double bound, double gap, SolveTimings timings,
                          String solverId, String solverVersion, long nodes, double[] values, double[] duals,
                          String message) {

    public SolveResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(solverId, "solverId");
        Objects.requireNonNull(solverVersion, "solverVersion");
        if (status.hasSolution() && values == null) {
            // an empty array is a solution (of a program without columns); null is a missing one
            throw new IllegalArgumentException("A " + status + " result needs primal values");
        }
        values = values == null ? new double[0] : values.clone();
        duals = duals == null ? new double[0] : duals.clone();
        message = message == null ? "" : message;
        double expected = Gap.relative(objective, bound);
        if (Double.compare(expected, gap) != 0) {
            throw new IllegalArgumentException("gap " + gap + " is not Gap.relative(" + objective + ", " + bound + ") = "
                    + expected + "; use SolveResult.of(...)");
        }
    }

    /**
     * A result with the gap computed by {@link Gap#relative}. For {@link SolveStatus#OPTIMAL} with an unknown (NaN)
     * bound, the bound is taken to be the objective.
     */
    public static SolveResult of(SolveStatus status, double objective, double bound, SolveTimings timings,
                                 String solverId, String solverVersion, long nodes, double[] values, double[] duals,
                                 String message) {
        if (!status.hasSolution()) {
            objective = Double.NaN;
        }
        if (status == SolveStatus.OPTIMAL && Double.isNaN(bound)) {
            bound = objective;
        }
        return new SolveResult(status, objective, bound, Gap.relative(objective, bound), timings, solverId,
                solverVersion, nodes, values, duals, message);
    }

    /** A result without solution (infeasible, unbounded, no solution, error). */
    public static SolveResult withoutSolution(SolveStatus status, double bound, SolveTimings timings, String solverId,
                                              String solverVersion, long nodes, String message) {
        return of(status, Double.NaN, bound, timings, solverId, solverVersion, nodes, null, null, message);
    }

    public boolean hasSolution() {
        return status.hasSolution();
    }

    /** Value of one column (a copy of the array is kept; this does not copy). */
    public double value(int column) {
        return values[column];
    }

    /** Primal values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Duals (a copy). */
    @Override
    public double[] duals() {
        return duals.clone();
    }

    @Override
    public String toString() {
        return solverId + " " + status + " objective=" + objective + " bound=" + bound + " gap=" + gap + " nodes="
                + nodes + " time=" + String.format(java.util.Locale.ROOT, "%.3fs", timings.total())
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
