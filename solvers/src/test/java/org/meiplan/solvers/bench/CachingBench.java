package org.meiplan.solvers.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.models.formulations.caching.CachingObjective;
import org.meiplan.models.formulations.caching.CachingProblem;
import org.meiplan.models.instance.Block;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.solvers.caching.CachingResult;
import org.meiplan.solvers.caching.LazyGreedyCaching;
import org.meiplan.solvers.caching.LpBound;
import org.meiplan.solvers.caching.MilpCaching;
import org.meiplan.solvers.caching.PlainGreedyCaching;
import org.meiplan.solvers.caching.SiteRefillCaching;
import org.meiplan.solvers.math.SolveOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Caching: the lazy greedy against the plain greedy that recomputes every marginal gain each step (same
 * instance, same cache — checked in setup for every shape, metro included; the plain greedy takes seconds
 * there, so run metro with few iterations), and the greedy against the MILP / LP bound. Instances are the
 * virtual-assistant scenario (seed 42) with every site's storage cut to {@value #STORAGE_FRACTION} of the
 * catalog's bytes so that caching must choose. Shapes: {@code medium} = 19 sites × 100 variants × 1,000 users,
 * {@code 20x100x1000}, {@code metro} = 127 × 320 × 10,000. The lazy greedy's trial setup prints (stderr) the
 * greedy's and greedy-refill's values against the LP bound. {@link #exactMilp} is the exact solve
 * ({@link MilpCaching}, automatic solver = CP-SAT, its 8 workers, 60 s, gap 1e-4, a different CP-SAT seed each call);
 * every call prints its status, value, bound and the greedy's and greedy-refill's ratios to its value. Run it alone
 * with {@code -p shape=20x100x1000 -wi 0 -i 5}: its single-shot times are the time to prove optimality (60 s when
 * not proven). {@link #exactMilpScip} is the same solve on SCIP, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CachingBench {

    static final double STORAGE_FRACTION = 0.25;

    @Param({"20x100x1000"})
    public String shape;

    private CachingProblem problem;
    private double greedyValue;
    private double refillValue;

    static CachingProblem problem(int sites, int users, int variants, long seed) {
        ObjectNode json = ScenarioGenerator.generate("virtual-assistant", sites, users, variants, seed).instance();
        InstanceReader reader = new InstanceReader(BuiltinCatalog.instance());
        Instance full = reader.read(json, "bench");
        double catalog = full.catalog().blocks().stream().mapToDouble(Block::bytes).sum();
        for (JsonNode site : json.at("/topology/sites")) {
            ((ObjectNode) site).put("storage", catalog * STORAGE_FRACTION);
        }
        return CachingProblem.of(reader.read(json, "bench"), new CachingObjective.HitRatio());
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String[] p = shape.equals("metro") ? new String[] {"127", "320", "10000"}
                : shape.equals("medium") ? new String[] {"19", "100", "1000"} : shape.split("x");
        problem = problem(Integer.parseInt(p[0]), Integer.parseInt(p[2]), Integer.parseInt(p[1]), 42);
        CachingResult lazy = new LazyGreedyCaching().solve(problem);
        CachingResult plain = new PlainGreedyCaching().solve(problem);
        if (!java.util.Arrays.deepEquals(plain.cached(), lazy.cached())) {
            throw new IllegalStateException("lazy and plain greedy differ on " + shape);
        }
        greedyValue = lazy.value();
        refillValue = new SiteRefillCaching().solve(problem).value();
        if (!params.getBenchmark().endsWith(".lazyGreedy")) {
            return; // the LP bound is printed once per shape, in the lazy greedy's trial
        }
        LpBound.Result lp = new LpBound(SolveOptions.builder().timeLimitSeconds(300).build()).bound(problem);
        CachingResult refill = new SiteRefillCaching().solve(problem);
        System.err.printf(Locale.ROOT, "%n[caching %s] greedy-refill %.6f in %.0f ms (re-fill %.0f ms)", shape,
                refill.value(), (refill.buildSeconds() + refill.solveSeconds()) * 1e3, refill.solveSeconds() * 1e3);
        System.err.printf(Locale.ROOT, "%n[caching %s] %s; greedy %.6f, LP bound %.6f (%s, %.1f s), greedy/LP %.4f%n",
                shape, problem, lazy.value(), lp.bound(), lp.fromLp() ? lp.solver() : "trivial", lp.solveSeconds(),
                lazy.value() / lp.bound());
        System.err.printf(Locale.ROOT, "[caching %s] greedy-refill/LP %.4f%n", shape, refill.value() / lp.bound());
    }

    private int milpCalls;

    @Benchmark
    public CachingResult exactMilp() {
        return exact("auto");
    }

    /** The same MILP on SCIP (GB encoding, one thread): the baseline the CP-SAT route replaced. */
    @Benchmark
    public CachingResult exactMilpScip() {
        return exact("scip");
    }

    private CachingResult exact(String solver) {
        CachingResult milp = new MilpCaching(SolveOptions.builder().timeLimitSeconds(60).relativeGap(1e-4)
                .seed(milpCalls++).build(), solver).solve(problem);
        System.err.printf(Locale.ROOT, "%n[caching %s] MILP (%s, seed %d) %s value %.6f bound %.6f (gap %.5f) in %.1f s;"
                + " greedy/MILP %.4f, greedy-refill/MILP %.4f%n", shape, milp.solver(), milpCalls - 1, milp.status(),
                milp.value(), milp.bound(), (milp.bound() - milp.value()) / milp.value(),
                milp.buildSeconds() + milp.solveSeconds(), greedyValue / milp.value(), refillValue / milp.value());
        return milp;
    }

    @Benchmark
    public CachingResult lazyGreedy() {
        return new LazyGreedyCaching().solve(problem);
    }

    @Benchmark
    public CachingResult greedyRefill() {
        return new SiteRefillCaching().solve(problem);
    }

    @Benchmark
    public CachingResult directPlainGreedy() {
        return new PlainGreedyCaching().solve(problem);
    }
}
