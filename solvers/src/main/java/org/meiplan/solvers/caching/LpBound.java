package org.meiplan.solvers.caching;

import java.util.Objects;
import org.meiplan.models.formulations.caching.CachingFormulation;
import org.meiplan.models.formulations.caching.CachingProblem;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * An upper bound on the optimal caching value at any size: the LP relaxation of
 * {@link CachingFormulation} (binaries relaxed to [0, 1]) solved through the math layer (GLOP, or PDLP
 * from 5M non-zeros). When the LP does not finish, the bound falls back to the value of caching
 * everything everywhere ({@link CachingProblem#valueOfEverything()}), which is always valid.
 * Running time: one LP with S·(V + J) + Σ reach columns and S·Σ_v |blocks(v)| + S·(1 + bases) + G rows
 * (bases: blocks with dependents, see {@link CachingFormulation}).
 */
public final class LpBound {

    /** The bound and how it was obtained. */
    public record Result(double bound, boolean fromLp, String solver, double buildSeconds, double solveSeconds) {
    }

    private final SolveOptions options;
    private final String solverId;

    /** The LP solved by the automatic backend. */
    public LpBound(SolveOptions options) {
        this(options, "auto");
    }

    /** The LP solved by this backend ({@code auto}, {@code glop}, {@code pdlp}, {@code scip}, {@code ojalgo}). */
    public LpBound(SolveOptions options, String solverId) {
        this.options = Objects.requireNonNull(options, "options");
        this.solverId = Objects.requireNonNull(solverId, "solverId");
    }

    public Result bound(CachingProblem problem) {
        long t0 = System.nanoTime();
        Program relaxation = new CachingFormulation(problem).program().relaxation();
        long t1 = System.nanoTime();
        SolveOptions lpOptions = options.toBuilder().relax(false).warmStart(new double[0]).build();
        SolveResult result = solverId.equals("auto") ? Solvers.solve(relaxation, lpOptions)
                : Solvers.byId(solverId).solve(relaxation, lpOptions);
        double build = (t1 - t0) * 1e-9;
        double everything = problem.valueOfEverything();
        if (result.status() == SolveStatus.OPTIMAL && Double.isFinite(result.objective())) {
            // the LP optimum plus a hair of solver tolerance, never above the trivial bound
            double bound = Math.min(everything, result.objective() * (1.0 + 1e-7) + 1e-12);
            return new Result(bound, true, result.solverId(), build, result.timings().solve());
        }
        return new Result(everything, false, result.solverId(), build, result.timings().solve());
    }
}
