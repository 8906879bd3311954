package org.meiplan.solvers.caching;

import java.util.Objects;
import java.util.Optional;
import org.meiplan.models.formulations.caching.CachingFormulation;
import org.meiplan.models.formulations.caching.CachingProblem;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.solvers.math.Backend;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * Exact: the parameter-sharing MILP of {@link CachingFormulation} through the math layer, warm-started with the
 * cache of {@link SiteRefillCaching} (greedy + local search; its time counts against the limit). Returns the
 * solver's best bound, so the gap is
 * proven; at a time limit the incumbent (never worse than the greedy) is returned as FEASIBLE.
 *
 * <p><b>Solver.</b> {@code auto} picks CP-SAT on {@link CachingFormulation#integral} (sizes in whole bytes,
 * binary hits) when the OR-Tools natives load, else the automatic MILP backend on the GB formulation; {@code scip},
 * {@code cpsat}, {@code ojalgo} force one. Why CP-SAT: when requests are reached by several sites the LP
 * relaxation covers everything fractionally (its bound is Σ demand), and SCIP's bound does not leave that value:
 * on the 20 × 100 × 1,000 bench instance SCIP ends 300 s at 1.56 % gap, while CP-SAT's core-based and
 * no-LP search workers (clause learning over the base-placement conflicts) prove the optimum in 26–40 s on
 * 2 cores with 8 workers (54 s with 2 interleaved). Not every instance of that shape is proven within a minute
 * (docs/benchmarks.md). Give CP-SAT several workers ({@code threads} 0 = its 8, or ≥ 8): with fewer it interleaves its
 * subsolvers in that many threads, and proofs take longer.
 * Running time: branch and bound / search, exponential in the worst case.
 */
public final class MilpCaching implements CachingAlgorithm {

    private final SolveOptions options;
    private final String solverId;
    private final SiteRefillCaching warmStart;

    /** SCIP (or the automatic choice) with these limits. */
    public MilpCaching(SolveOptions options) {
        this(options, "auto");
    }

    /** @param solverId a math-layer backend id, or {@code auto} */
    public MilpCaching(SolveOptions options, String solverId) {
        this(options, solverId, new SiteRefillCaching());
    }

    /** With this warm-start heuristic (e.g. a {@link SiteRefillCaching} that stops at a share of the limit). */
    public MilpCaching(SolveOptions options, String solverId, SiteRefillCaching warmStart) {
        this.options = Objects.requireNonNull(options, "options");
        this.solverId = Objects.requireNonNull(solverId, "solverId");
        this.warmStart = Objects.requireNonNull(warmStart, "warmStart");
    }

    @Override
    public String name() {
        return "milp";
    }

    @Override
    public CachingResult solve(CachingProblem problem) {
        long t0 = System.nanoTime();
        CachingResult greedy = warmStart.solve(problem);
        String id = solverId.trim().toLowerCase(java.util.Locale.ROOT);
        Optional<CachingFormulation> integral = id.equals("cpsat") || id.equals("auto") && Solvers.orToolsAvailable()
                ? CachingFormulation.integral(problem) : Optional.empty();
        if (id.equals("cpsat") && integral.isEmpty()) {
            throw new IllegalArgumentException("cpsat needs integral sizes, and no unit down to 10^-6 byte makes"
                    + " every block size of " + problem.name() + " integral; use --solver scip.");
        }
        CachingFormulation formulation = integral.orElseGet(() -> new CachingFormulation(problem));
        Backend backend = integral.isPresent() ? Solvers.byId("cpsat")
                : id.equals("auto") ? Solvers.auto(formulation.program().features()) : Solvers.byId(id);
        long t1 = System.nanoTime();
        // the warm start's time counts against the limit
        double left = Math.max(0.05, options.timeLimitSeconds() - (t1 - t0) * 1e-9);
        SolveOptions withStart = options.toBuilder().warmStart(formulation.encode(greedy.cached()))
                .timeLimitSeconds(Double.isFinite(options.timeLimitSeconds()) ? left : options.timeLimitSeconds())
                .build();
        SolveResult result = backend.solve(formulation.program(), withStart);
        long t2 = System.nanoTime();
        boolean[][] cache = greedy.cached();
        String status = "FEASIBLE";
        if (result.hasSolution()) {
            boolean[][] decoded = formulation.decode(result.values(), 1e-5);
            if (problem.fits(decoded) && problem.value(decoded) >= greedy.value()) {
                cache = decoded;
                status = result.status() == SolveStatus.OPTIMAL ? "OPTIMAL" : "FEASIBLE";
            }
        }
        double value = problem.value(cache);
        double bound = Double.isNaN(result.bound()) ? problem.valueOfEverything()
                : Math.min(problem.valueOfEverything(), Math.max(result.bound(), value));
        if (value >= bound) {
            status = "OPTIMAL"; // the kept cache meets a proven bound
        }
        return new CachingResult(name(), cache, value, bound, status, result.solverId(), (t1 - t0) * 1e-9,
                (t2 - t1) * 1e-9, result.nodes());
    }
}
