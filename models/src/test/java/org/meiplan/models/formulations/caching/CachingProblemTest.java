package org.meiplan.models.formulations.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.math.Program;
import org.meiplan.models.physics.CacheReach;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.SiteCache;

/** The reach rule, the problem extracted from an instance, and the MILP against the problem's own value. */
class CachingProblemTest {

    static Instance sample(String from, String to) throws IOException {
        try (InputStream in = CachingProblemTest.class.getResourceAsStream("/instances/schema-sample.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(from, to);
            return new InstanceReader().read(text);
        }
    }

    static Plan caching(Instance instance, List<SiteCache> caches) {
        return new Plan(instance.name(), caches, List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aLinkedSiteReachesOnlyWhenTheRelayFitsTheLatencyTarget() throws IOException {
        Instance fast = sample("", "");
        Instance slow = sample("\"latency\": \"2 ms\"", "\"latency\": \"5 s\""); // relay 10 s > med-2's 8 s
        int med = fast.requestIndex("med-2");
        assertThat(new CacheReach(fast).sites(fast.requests().get(med))).containsExactly(fast.siteIndex("bs-2"),
                fast.siteIndex("bs-1"));
        assertThat(new CacheReach(slow).sites(slow.requests().get(med))).containsExactly(slow.siteIndex("bs-2"));
        // The evaluator's hit ratio follows the same rule: med-2 is cached only at bs-1, a linked neighbour.
        List<SiteCache> caches = List.of(new SiteCache("bs-1", List.of("tiny-1b-int4-med")));
        double medRate = fast.requests().get(med).rate();
        double total = fast.requests().stream().mapToDouble(r -> r.rate()).sum();
        assertThat(new Evaluator().evaluate(fast, caching(fast, caches)).summary().hitRatio())
                .isCloseTo(medRate / total, within(1e-12));
        assertThat(new Evaluator().evaluate(slow, caching(slow, caches)).summary().hitRatio()).isZero();
    }

    @Test
    void theProblemCountsASharedBlockOnceAndValuesHitsByDemand() throws IOException {
        Instance instance = sample("", "");
        CachingProblem problem = CachingProblem.of(instance, new CachingObjective.HitRatio());
        int base = instance.variantIndex("tiny-1b-int4");
        int med = instance.variantIndex("tiny-1b-int4-med");
        boolean[] both = new boolean[problem.variants()];
        both[base] = true;
        both[med] = true;
        assertThat(problem.storageUsed(both)).isCloseTo(problem.variantBytes(med), within(1.0));
        assertThat(problem.variantBytes(med)).isGreaterThan(problem.variantBytes(base));
        double demand = instance.requests().stream().mapToDouble(r -> r.rate() * r.weight()).sum();
        assertThat(problem.totalDemand()).isCloseTo(demand, within(1e-12));
        boolean[][] everything = new boolean[problem.sites()][problem.variants()];
        for (boolean[] site : everything) {
            java.util.Arrays.fill(site, true);
        }
        assertThat(problem.value(everything)).isCloseTo(demand, within(1e-12));
        assertThat(problem.metric(problem.value(everything))).isCloseTo(1.0, within(1e-12));
        assertThat(problem.withoutSharing().storageUsed(both))
                .isCloseTo(problem.variantBytes(base) + problem.variantBytes(med), within(1.0));
    }

    @Test
    void theProgramScoresACacheAsTheProblemDoesForEveryObjective() throws IOException {
        Instance instance = sample("", "");
        for (CachingObjective objective : List.of(new CachingObjective.HitRatio(), new CachingObjective.ExpectedLatency(),
                new CachingObjective.Cost(1e-9, 1e-10))) {
            CachingProblem problem = CachingProblem.of(instance, objective);
            CachingFormulation integral = CachingFormulation.integral(problem).orElseThrow();
            assertThat(integral.program().features().integerCoefficients()).isTrue();
            assertThat(integral.program().features().numIntegers()).isEqualTo(integral.program().numVariables());
            assertThat(new CachingFormulation(problem).program().features().integerCoefficients()).isFalse();
            for (CachingFormulation formulation : List.of(new CachingFormulation(problem), integral)) {
                Program program = formulation.program();
                boolean[][] cache = new boolean[problem.sites()][problem.variants()];
                cache[0][instance.variantIndex("tiny-1b-int4-med")] = true;
                cache[1][instance.variantIndex("tiny-1b-int4")] = true;
                double[] x = formulation.encode(cache);
                assertThat(program.maxViolation(x)).as(objective.id()).isLessThanOrEqualTo(1e-9);
                assertThat(program.objectiveValue(x)).as(objective.id()).isCloseTo(problem.value(cache), within(1e-9));
                assertThat(formulation.decode(x, 1e-6)).isDeepEqualTo(cache);
                assertThat(program.constraintName(0)).startsWith("blocks[site=bs-1,variant=tiny-1b-int4,block=");
            }
        }
    }

    @Test
    void blocksAreWholeBytesAndTheIntegralStorageRowAllowsExactlyWhatFitsAllows() throws IOException {
        CachingProblem problem = CachingProblem.of(sample("", ""), new CachingObjective.HitRatio());
        for (int j = 0; j < problem.blocks(); j++) {
            assertThat(problem.blockBytes(j)).isEqualTo(Math.rint(problem.blockBytes(j)));
        }
        // one site whose capacity is exactly the two blocks of a fine-tuned variant: fits, and one byte less does not
        int v = 0;
        while (problem.variantBlockCount(v) < 2) {
            v++;
        }
        double both = problem.variantBytes(v);
        for (double capacity : new double[] {both, both - 1}) {
            double[] storage = new double[problem.sites()];
            java.util.Arrays.fill(storage, capacity);
            CachingProblem cut = problem.withStorage(storage);
            CachingFormulation f = CachingFormulation.integral(cut).orElseThrow();
            boolean[][] cache = new boolean[cut.sites()][cut.variants()];
            cache[0][v] = true;
            assertThat(f.program().maxViolation(f.encode(cache)) <= 1e-9).as("capacity " + capacity)
                    .isEqualTo(cut.fits(cache)).isEqualTo(capacity == both);
        }
    }

    @Test
    void sizesThatNoDecimalUnitMakesIntegralHaveNoIntegralFormulation() throws IOException {
        CachingProblem problem = CachingProblem.of(sample("", ""), new CachingObjective.HitRatio());
        CachingProblem thirds = new CachingProblem("thirds", problem.objective(), new String[] {"a"},
                new double[] {1.0}, new String[] {"b"}, new double[] {1.0 / 3.0}, new String[] {"v"},
                new int[][] {{0}}, new String[] {"g"}, new int[] {0}, new double[] {1.0}, new int[][] {{0}},
                new double[][] {{1.0}}, 0.0);
        assertThat(CachingFormulation.integral(thirds)).isEmpty();
        CachingProblem tenths = new CachingProblem("tenths", problem.objective(), new String[] {"a"},
                new double[] {1.0}, new String[] {"b"}, new double[] {0.3}, new String[] {"v"},
                new int[][] {{0}}, new String[] {"g"}, new int[] {0}, new double[] {1.0}, new int[][] {{0}},
                new double[][] {{1.0}}, 0.0);
        assertThat(CachingFormulation.integral(tenths)).isPresent();
    }

    @Test
    void aFractionalCacheIsNotDecoded() throws IOException {
        CachingFormulation formulation = new CachingFormulation(CachingProblem.of(sample("", ""),
                new CachingObjective.HitRatio()));
        double[] x = new double[formulation.program().numVariables()];
        x[formulation.cachedColumn(0, 0)] = 0.5;
        assertThatThrownBy(() -> formulation.decode(x, 1e-6)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("cached[site=bs-1", "not integral");
    }
}
