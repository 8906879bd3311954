package org.meiplan.solvers.caching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.meiplan.models.formulations.caching.CachingObjective;
import org.meiplan.models.formulations.caching.CachingProblem;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.math.Gap;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.plan.Stage;
import org.meiplan.solvers.plan.StageOptions;

/**
 * The planning stage "caching": decides what every site caches ({@code SiteCache} entries) and records a
 * {@link StageSolve} whose objective and bound are in the objective's metric (the hit ratio by default),
 * with the gap. Algorithms by {@link StageOptions#algorithm()}:
 * <ul>
 *   <li>{@code auto}: the MILP when the instance is small ({@value #AUTO_MILP_CACHED_VARIABLES} site×variant
 *       pairs at most), else the lazy greedy with the per-site re-fill ({@code greedy-refill}) and the LP bound;</li>
 *   <li>{@code exact} / {@code milp}: {@link MilpCaching} (bound from the solver; CP-SAT unless
 *       {@code --solver} says otherwise);</li>
 *   <li>{@code greedy}, {@code greedy-refill} ({@link SiteRefillCaching}), {@code plain-greedy}, {@code knapsack}, {@code independent}, {@code popular},
 *       {@code random}: the algorithm, then {@link LpBound} for the gap.</li>
 * </ul>
 */
public final class CachingStage implements Stage {

    /** Largest S·V for which {@code auto} runs the MILP. */
    public static final int AUTO_MILP_CACHED_VARIABLES = 4_000;

    /** The algorithm names {@code --algorithm} accepts for this stage. */
    public static final List<String> ALGORITHMS = List.of("auto", "exact", "milp", "greedy", "heuristic", "greedy-quick",
            "greedy-refill", "plain-greedy", "knapsack", "independent", "popular", "random");

    /** Share of the stage's limit after which a local search (the refill, the MILP's warm start) stops. */
    static final double SEARCH_SHARE = 0.5;
    /** {@code auto} runs the MILP only with at least this limit, s (building and starting it costs about that). */
    static final double MIN_MILP_SECONDS = 0.5;
    /** Below this much time left, the heuristics' bound is the trivial one instead of the LP's. */
    static final double MIN_LP_SECONDS = 0.05;

    /** Backends the exact MILP can use. */
    static final List<String> MILP_SOLVERS = List.of("cpsat", "scip", "ojalgo");
    /** Backends the heuristics' LP bound can use. */
    static final List<String> LP_SOLVERS = List.of("glop", "pdlp", "scip", "ojalgo");

    private final CachingObjective objective;

    /** The hit-ratio stage. */
    public CachingStage() {
        this(new CachingObjective.HitRatio());
    }

    public CachingStage(CachingObjective objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    @Override
    public String name() {
        return "caching";
    }

    @Override
    public String description() {
        return "What every edge site caches, with shared parameter blocks stored once (" + objective.id() + ").";
    }

    @Override
    public Plan solve(Instance instance, Plan sofar, StageOptions options) {
        CachingProblem problem = CachingProblem.of(instance, objective);
        CachingResult result = solve(problem, options);
        if (!problem.fits(result.cached())) {
            throw new IllegalStateException("caching algorithm " + result.algorithm() + " exceeded a site's storage");
        }
        double metricValue = problem.metric(result.value());
        double metricBound = problem.metric(result.bound());
        StageSolve solve = new StageSolve(name(), result.status(), metricValue, metricBound,
                Gap.relative(metricValue, metricBound), result.algorithm() + "/" + result.solver(), "",
                result.buildSeconds(), result.solveSeconds(), 0.0, result.nodes());
        List<StageSolve> solves = new ArrayList<>(sofar.solves());
        solves.add(solve);
        return new Plan(sofar.instance().isEmpty() ? instance.name() : sofar.instance(),
                problem.toSiteCaches(result.cached()), sofar.serving(), sofar.radio(), sofar.training(), solves);
    }

    @Override
    public void check(StageOptions options) {
        if (!ALGORITHMS.contains(options.algorithm())) {
            throw new IllegalArgumentException("\"" + options.algorithm() + "\" is not a caching algorithm."
                    + " Use one of: " + String.join(", ", ALGORITHMS) + ".");
        }
        boolean exact = options.algorithm().equals("exact") || options.algorithm().equals("milp");
        if (exact || options.algorithm().equals("auto")) {
            // auto may run either; a solver that only one of them can use is still honoured by the one it fits
            options.requireSolver(name(), exact ? "exact MILP" : "MILP or LP bound",
                    exact ? MILP_SOLVERS : List.of("cpsat", "scip", "glop", "pdlp", "ojalgo"));
        } else {
            options.requireSolver(name(), "LP bound", LP_SOLVERS);
        }
    }

    /** Solves the problem with the algorithm the options name; heuristics get the LP bound. */
    public CachingResult solve(CachingProblem problem, StageOptions options) {
        check(options);
        String algorithm = options.heuristic() ? "greedy" : options.algorithm();
        if (algorithm.equals("auto")) {
            // the MILP only when small and with time to build and start it; else the anytime local search
            algorithm = (long) problem.sites() * problem.variants() <= AUTO_MILP_CACHED_VARIABLES
                    && options.timeLimitSeconds() >= MIN_MILP_SECONDS ? "milp" : "greedy-refill";
        }
        long t0 = System.nanoTime();
        long deadline = t0 + (long) Math.min(Long.MAX_VALUE / 4.0, options.timeLimitSeconds() * 1e9);
        // anytime: a local search stops at its share of the limit (between two moves, the best cache kept), so the
        // bound and the exact solve get what is left
        long searchUntil = t0 + (long) Math.min(Long.MAX_VALUE / 4.0, SEARCH_SHARE * options.timeLimitSeconds() * 1e9);
        BooleanSupplier stop = () -> System.nanoTime() > searchUntil || options.cancellation().isCancelled();
        CachingAlgorithm chosen = switch (algorithm) {
            case "exact", "milp" -> new MilpCaching(options.solveOptions().build(), options.solver(),
                    new SiteRefillCaching(stop));
            case "greedy", "greedy-quick" -> new LazyGreedyCaching();
            case "greedy-refill" -> new SiteRefillCaching(stop);
            case "plain-greedy" -> new PlainGreedyCaching();
            case "knapsack" -> new FewSharedBlocksKnapsack();
            case "independent" -> new IndependentCaching();
            case "popular" -> new MostPopularCaching();
            case "random" -> new RandomCaching(options.seed());
            default -> throw new IllegalArgumentException("\"" + options.algorithm() + "\" is not a caching algorithm."
                    + " Use one of: " + String.join(", ", ALGORITHMS) + ".");
        };
        CachingResult result = chosen.solve(problem);
        double left = (deadline - System.nanoTime()) / 1e9;
        boolean noTimeForLp = left < MIN_LP_SECONDS || options.cancellation().isCancelled();
        if (Double.isNaN(result.bound()) && (algorithm.equals("greedy-quick") || noTimeForLp)) {
            // No LP (replans, where speed matters, or no time left): the bound is the value of caching everything
            // everywhere, always valid.
            double everything = problem.valueOfEverything();
            result = new CachingResult(result.algorithm(), result.cached(), result.value(), everything,
                    result.value() >= everything ? "OPTIMAL" : "FEASIBLE", result.solver() + "+bound-everything",
                    result.buildSeconds(), result.solveSeconds(), result.nodes());
        } else if (Double.isNaN(result.bound())) {
            // the LP bound gets what the heuristic left of the stage's limit, never the whole limit again
            String lpSolver = LP_SOLVERS.contains(options.solver()) ? options.solver() : "auto";
            LpBound.Result lp = new LpBound(options.solveOptions().timeLimitSeconds(left).build(), lpSolver)
                    .bound(problem);
            result = new CachingResult(result.algorithm(), result.cached(), result.value(), lp.bound(),
                    result.value() >= lp.bound() ? "OPTIMAL" : "FEASIBLE", result.solver() + "+lp-" + lp.solver()
                    + (lp.fromLp() ? "" : " (LP unfinished: bound-everything)"),
                    result.buildSeconds() + lp.buildSeconds(), result.solveSeconds() + lp.solveSeconds(), result.nodes());
        }
        return result;
    }
}
