package org.meiplan.solvers.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meiplan.models.formulations.caching.CachingObjective;
import org.meiplan.models.formulations.caching.CachingProblem;
import org.meiplan.solvers.math.SolveOptions;

/** Every algorithm against the enumerated optimum on seeded small problems, and the guarantees stated. */
class CachingGuaranteesTest {

    static final double GREEDY_FACTOR = (1 - 1 / Math.E) / 2;
    static final SolveOptions EXACT = SolveOptions.builder().timeLimitSeconds(30).relativeGap(0).build();

    static LongStream seeds() {
        return LongStream.range(1, 13);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void milpMatchesEnumerationAndHeuristicsKeepTheirGuarantees(long seed) {
        boolean links = seed % 2 == 0;
        CachingProblem problem = SmallCachingProblems.random(seed, 2, 2, 3, links);
        double optimum = SmallCachingProblems.optimum(problem);
        for (String solver : new String[] {"auto", "cpsat", "scip"}) {
            CachingResult milp = new MilpCaching(EXACT, solver).solve(problem);
            assertThat(milp.solver()).isEqualTo(solver.equals("auto") ? "cpsat" : solver);
            assertThat(milp.value()).as(solver).isCloseTo(optimum, within(1e-6 * Math.max(1, optimum)));
            assertThat(milp.status()).as(solver).isEqualTo("OPTIMAL");
            assertThat(milp.bound()).as(solver).isGreaterThanOrEqualTo(optimum - 1e-6);
        }

        FewSharedBlocksKnapsack knapsack = new FewSharedBlocksKnapsack();
        CachingResult k = knapsack.solve(problem);
        double eps = knapsack.epsilon();
        assertThat(problem.fits(k.cached())).isTrue();
        assertThat(k.value()).isGreaterThanOrEqualTo((links ? (1 - eps) / (2 - eps) : 1 - eps) * optimum - 1e-9);

        CachingResult lazy = new LazyGreedyCaching().solve(problem);
        CachingResult plain = new PlainGreedyCaching().solve(problem);
        assertThat(lazy.cached()).isDeepEqualTo(plain.cached());
        CachingResult refill = new SiteRefillCaching().solve(problem);
        assertThat(problem.fits(refill.cached())).isTrue();
        assertThat(refill.value()).isCloseTo(problem.value(refill.cached()), within(1e-12));
        assertThat(refill.value()).isBetween(lazy.value() - 1e-12, optimum + 1e-9);
        CachingResult singleSite = new SiteRefillCaching(20, false, 0).solve(problem);
        CachingResult pairs = new SiteRefillCaching(20, true, 0).solve(problem);
        assertThat(singleSite.value()).isGreaterThanOrEqualTo(lazy.value() - 1e-12);
        assertThat(pairs.value()).as("pair moves start where single-site moves stop")
                .isGreaterThanOrEqualTo(singleSite.value() - 1e-12);
        assertThat(refill.value()).as("a kick is kept only when it ends better")
                .isGreaterThanOrEqualTo(pairs.value() - 1e-12);
        assertThat(new SiteRefillCaching().solve(problem).cached()).as("deterministic").isDeepEqualTo(refill.cached());
        assertThat(problem.fits(lazy.cached())).isTrue();
        if (!links) {
            double independentOptimum = SmallCachingProblems.optimum(problem.withoutSharing());
            assertThat(lazy.value()).isGreaterThanOrEqualTo(GREEDY_FACTOR * independentOptimum - 1e-9);
        }
        double lp = new LpBound(EXACT).bound(problem).bound();
        assertThat(lp).isGreaterThanOrEqualTo(optimum - 1e-6);
        for (CachingAlgorithm baseline : new CachingAlgorithm[] {new IndependentCaching(), new MostPopularCaching(),
                new RandomCaching(seed)}) {
            CachingResult b = baseline.solve(problem);
            assertThat(problem.fits(b.cached())).as(baseline.name()).isTrue();
            assertThat(b.value()).as(baseline.name()).isLessThanOrEqualTo(optimum + 1e-9);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sharingIsNeverWorseThanIndependentCaching(long seed) {
        CachingProblem problem = SmallCachingProblems.random(seed, 3, 3, 3, seed % 3 == 0);
        CachingResult sharing = new MilpCaching(EXACT).solve(problem);
        CachingResult independent = new IndependentCaching(new MilpCaching(EXACT)).solve(problem);
        assertThat(sharing.value()).isGreaterThanOrEqualTo(independent.value() - 1e-9);
    }

    /**
     * The density greedy has no constant factor against the optimum with sharing: a base of 0.9·Q whose 99
     * tiny adapters carry the demand, against ten small models with a slightly better first ratio.
     */
    @Test
    void greedyHasNoConstantFactorWithSharingButTheKnapsackHas() {
        int adapters = 99;
        int small = 10;
        int variants = small + 1 + adapters;
        String[] blockIds = new String[small + 1 + adapters];
        double[] bytes = new double[blockIds.length];
        String[] variantIds = new String[variants];
        int[][] blocks = new int[variants][];
        for (int i = 0; i < small; i++) {
            blockIds[i] = "small-" + i;
            bytes[i] = 1e9;
            variantIds[i] = "small-" + i;
            blocks[i] = new int[] {i};
        }
        blockIds[small] = "base";
        bytes[small] = 9e9;
        variantIds[small] = "base";
        blocks[small] = new int[] {small};
        for (int a = 0; a < adapters; a++) {
            blockIds[small + 1 + a] = "ad-" + a;
            bytes[small + 1 + a] = 1e7;
            variantIds[small + 1 + a] = "ft-" + a;
            blocks[small + 1 + a] = new int[] {small, small + 1 + a};
        }
        int groups = small + adapters;
        String[] groupIds = new String[groups];
        int[] groupVariant = new int[groups];
        double[] demand = new double[groups];
        int[][] sites = new int[groups][];
        double[][] values = new double[groups][];
        for (int g = 0; g < groups; g++) {
            groupIds[g] = "rq-" + g;
            groupVariant[g] = g < small ? g : g + 1;
            demand[g] = g < small ? 0.2 : 1.0;
            sites[g] = new int[] {0};
            values[g] = new double[] {demand[g]};
        }
        CachingProblem problem = new CachingProblem("counterexample", new CachingObjective.HitRatio(),
                new String[] {"bs-0"}, new double[] {10e9}, blockIds, bytes, variantIds, blocks, groupIds, groupVariant,
                demand, sites, values, 0.0);
        double optimum = new MilpCaching(EXACT).solve(problem).value();
        assertThat(optimum).isCloseTo(99.0, within(1e-6)); // the base and all 99 adapters: 9.99 GB
        CachingResult greedy = new LazyGreedyCaching().solve(problem);
        assertThat(greedy.value()).isLessThan(GREEDY_FACTOR * optimum);
        assertThat(new FewSharedBlocksKnapsack().solve(problem).value()).isGreaterThanOrEqualTo(0.9 * optimum);
    }
    /**
     * One site, Q = 10 GB; base b of 8 GB with adapters a1, a2 of 1.5 GB (variants b+a1, b+a2, demand 1 each).
     * Only one fine-tune fits: OPT = 1. Without the base-or-nothing row the LP is worth 20/11 (stored[b] =
     * cached = 10/11); with it, 1.5·(a1 + a2) ≤ 2·stored[b] caps it at 4/3.
     */
    @Test
    void theBaseOrNothingRowTightensTheLpByHand() {
        CachingProblem problem = new CachingProblem("base-or-nothing", new CachingObjective.HitRatio(),
                new String[] {"bs"}, new double[] {10e9}, new String[] {"b", "a1", "a2"},
                new double[] {8e9, 1.5e9, 1.5e9}, new String[] {"v1", "v2"}, new int[][] {{0, 1}, {0, 2}},
                new String[] {"r1", "r2"}, new int[] {0, 1}, new double[] {1, 1}, new int[][] {{0}, {0}},
                new double[][] {{1}, {1}}, 0.0);
        assertThat(SmallCachingProblems.optimum(problem)).isCloseTo(1.0, within(1e-12));
        assertThat(new LpBound(EXACT).bound(problem).bound()).isCloseTo(4.0 / 3.0, within(1e-6));
        assertThat(new MilpCaching(EXACT).solve(problem).value()).isCloseTo(1.0, within(1e-9));
    }

    /** A model larger than the site is fixed out: the LP bound is 0, not 5·10/11 from a fractional copy. */
    @Test
    void aVariantThatCannotFitIsFixedOutOfTheLp() {
        CachingProblem problem = new CachingProblem("too-big", new CachingObjective.HitRatio(),
                new String[] {"bs"}, new double[] {10e9}, new String[] {"big"}, new double[] {11e9},
                new String[] {"v"}, new int[][] {{0}}, new String[] {"r"}, new int[] {0}, new double[] {5},
                new int[][] {{0}}, new double[][] {{5}}, 0.0);
        assertThat(new LpBound(EXACT).bound(problem).bound()).isCloseTo(0.0, within(1e-9));
        assertThat(new MilpCaching(EXACT).solve(problem).value()).isZero();
    }
}
