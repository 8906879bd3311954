package org.meiplan.solvers.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meiplan.models.math.Gap;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link Backend} keeps. One subclass per backend; a test whose feature the backend does not
 * claim ({@link Backend#supports}, {@link Backend#capabilities()}) is skipped, not passed silently.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class BackendContractTest {
    static final double TOL = 1e-6;

    abstract Backend backend();

    /** Seconds for the time-limit test; ojAlgo needs a little more to find its first incumbent. */
    double shortLimit() {
        return 1.0;
    }

    /** Largest violation accepted in a returned solution (PDLP is a first-order method: about 1e-6 relative). */
    double feasibilityTolerance() {
        return 1e-5;
    }

    private SolveResult solve(Program p, SolveOptions o) {
        Backend b = backend();
        assumeTrue(b.supports(o.relax() ? p.relaxation().features() : p.features()).supported(),
                () -> b.id() + " does not support " + p.name());
        SolveResult r = b.solve(p, o);
        assertThat(r.solverId()).isEqualTo(b.id());
        assertThat(Double.compare(r.gap(), Gap.relative(r.objective(), r.bound()))).as("gap from Gap.relative").isZero();
        if (r.hasSolution()) {
            Program solved = o.relax() ? p.relaxation() : p;
            assertThat(r.values()).hasSize(p.numVariables());
            assertThat(solved.maxViolation(r.values())).as("solution feasible").isLessThan(feasibilityTolerance());
            assertThat(r.objective()).isCloseTo(p.objectiveValue(r.values()), within(1e-6 * (1 + Math.abs(r.objective()))));
        }
        return r;
    }

    private SolveResult solve(Program p) {
        return solve(p, SolveOptions.DEFAULTS);
    }

    @Test
    void describesItself() {
        Backend b = backend();
        assertThat(Solvers.ids()).contains(b.id());
        assertThat(b.version()).isNotBlank();
        assertThat(b.capabilities()).isNotNull();
    }

    @Test
    void solvesAnLp() {
        SolveResult r = solve(TestPrograms.lp());
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isCloseTo(11, within(TOL));
        assertThat(r.value(0)).isCloseTo(3, within(TOL));
        assertThat(r.value(1)).isCloseTo(1, within(TOL));
        assertThat(r.gap()).isLessThan(1e-6);
        if (backend().capabilities().duals()) {
            assertThat(r.duals()).hasSize(2);
        }
    }

    @Test
    void solvesAPureIntegerProgram() {
        Program p = TestPrograms.knapsack(16, 7);
        SolveResult r = solve(p, SolveOptions.builder().relativeGap(0).build());
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isCloseTo(TestPrograms.knapsackOptimum(p), within(TOL));
    }

    @Test
    void solvesAMilp() {
        SolveResult r = solve(TestPrograms.mixed());
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isCloseTo(2.3, within(TOL));
        assertThat(r.value(0)).isCloseTo(1, within(TOL));
    }

    @Test
    void solvesTheLpRelaxationOnRequest() {
        Program p = TestPrograms.knapsack(16, 7);
        SolveResult r = solve(p, SolveOptions.builder().relax(true).build());
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isGreaterThanOrEqualTo(TestPrograms.knapsackOptimum(p) - TOL);
        long fractional = java.util.Arrays.stream(r.values()).filter(v -> Math.abs(v - Math.rint(v)) > 1e-6).count();
        assertThat(fractional).as("a knapsack LP optimum has one fractional item").isEqualTo(1);
    }

    @Test
    void reportsInfeasibilityOfAnLp() {
        SolveResult r = solve(TestPrograms.infeasibleLp());
        assertThat(r.status()).as(r.toString()).isIn(SolveStatus.INFEASIBLE, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
    }

    @Test
    void stopsALargeLpAtTheTimeLimit() {
        Program big = new org.meiplan.solvers.bench.Placement(30, 200, 1000, 1).program();
        assumeTrue(!backend().supports(big.features()).supported(), "for LP-only backends; MILP ones are tested above");
        SolveResult r = solve(big, SolveOptions.builder().relax(true).timeLimitSeconds(0.05).build());
        assertThat(r.status()).as(r.toString()).isIn(SolveStatus.NO_SOLUTION, SolveStatus.FEASIBLE);
        assertThat(r.timings().solve()).isLessThan(1.0);
        SolveResult full = solve(big, SolveOptions.builder().relax(true).build());
        assertThat(full.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(full.timings().solve()).as("the limit did stop a solve that takes longer").isGreaterThan(0.1);
    }

    @Test
    void reportsInfeasibility() {
        SolveResult r = solve(TestPrograms.infeasible());
        assertThat(r.status()).isIn(SolveStatus.INFEASIBLE, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
        assertThat(r.hasSolution()).isFalse();
        assertThat(r.objective()).isNaN();
    }

    @Test
    void reportsUnboundedness() {
        SolveResult r = solve(TestPrograms.unbounded());
        assertThat(r.status()).as(r.toString()).isIn(SolveStatus.UNBOUNDED, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
    }

    /** Seconds the same solve takes when cut at once (50 ms): its build, start and stop cost under the current load. */
    double overheadNow(Program p) {
        long t0 = System.nanoTime();
        solve(p, SolveOptions.builder().timeLimitSeconds(0.05).relativeGap(0).build());
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void stopsAtTheTimeLimitWithAnIncumbent() {
        assumeTrue(backend().capabilities().timeLimit());
        Program p = TestPrograms.hardKnapsack(300, 10, 1);
        double overhead = overheadNow(p);
        long t0 = System.nanoTime();
        SolveResult r = solve(p, SolveOptions.builder().timeLimitSeconds(shortLimit()).relativeGap(0).build());
        double wall = (System.nanoTime() - t0) / 1e9;
        assertThat(r.status()).isEqualTo(SolveStatus.FEASIBLE);
        // against a baseline measured now, so a loaded machine does not fail it: the limit plus a few times what
        // building, starting and stopping the same solve costs at this moment
        assertThat(wall).isLessThan(1.2 * shortLimit() + 4 * overhead + 1.0);
        assertThat(r.objective()).isPositive();
        if (!Double.isNaN(r.bound())) {
            assertThat(r.bound()).isGreaterThanOrEqualTo(r.objective() - TOL); // maximization: bound above
            assertThat(r.gap()).isPositive();
        }
    }

    @Test
    void stopsAtTheRelativeGapAndReportsItCorrectly() {
        assumeTrue(backend().capabilities().relativeGap());
        Program p = TestPrograms.hardKnapsack(300, 10, 1);
        SolveResult r = solve(p, SolveOptions.builder().relativeGap(0.02).timeLimitSeconds(30).build());
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.gap()).isLessThanOrEqualTo(0.02).isEqualTo(Math.abs(r.objective() - r.bound()) / Math.abs(r.objective()));
        assertThat(r.bound()).isGreaterThanOrEqualTo(r.objective() - TOL);
        assertThat(r.timings().solve()).isLessThan(20);
    }

    @Test
    void acceptsAWarmStart() {
        assumeTrue(backend().capabilities().warmStart());
        TestPrograms.MarketSplit ms = TestPrograms.marketSplit(4, 40, 3);
        Program p = ms.program();
        SolveResult hinted = solve(p, SolveOptions.builder().timeLimitSeconds(2).warmStart(ms.solution()).build());
        assertThat(hinted.status()).as(hinted.toString()).isIn(SolveStatus.FEASIBLE, SolveStatus.OPTIMAL);
        assertThat(hinted.objective()).isLessThanOrEqualTo(p.objectiveValue(ms.solution()) + TOL);
        // control: the same short run without the start finds nothing (market split is hard for branch and bound)
        SolveResult cold = solve(p, SolveOptions.builder().timeLimitSeconds(1).build());
        assertThat(cold.status()).as(cold.toString()).isEqualTo(SolveStatus.NO_SOLUTION);
    }

    @Test
    void cancellationBeforeTheStartIsHonouredByEveryBackend() {
        Cancellation c = new Cancellation();
        c.cancel();
        Program p = TestPrograms.hardKnapsack(300, 10, 1);
        boolean lpOnly = !backend().supports(p.features()).supported();
        SolveResult r = solve(p, SolveOptions.builder().cancellation(c).relax(lpOnly).build());
        assertThat(r.status()).isEqualTo(SolveStatus.NO_SOLUTION);
    }

    @Test
    void cancelsFromAnotherThread() throws Exception {
        assumeTrue(backend().capabilities().cancellation());
        Program p = TestPrograms.hardKnapsack(300, 10, 1);
        assumeTrue(backend().supports(p.features()).supported());
        double overhead = overheadNow(p);
        Cancellation c = new Cancellation();
        CompletableFuture<SolveResult> f = CompletableFuture.supplyAsync(
                () -> solve(p, SolveOptions.builder().relativeGap(0).cancellation(c).build()));
        Thread.sleep(1500);
        long t0 = System.nanoTime();
        c.cancel();
        SolveResult r = f.get(60, TimeUnit.SECONDS);
        double latency = (System.nanoTime() - t0) / 1e9;
        assertThat(r.status()).isIn(SolveStatus.FEASIBLE, SolveStatus.NO_SOLUTION);
        assertThat(r.message()).contains("cancelled");
        // compared with a baseline measured in the same run (robust to load)
        assertThat(latency).isLessThan(4 * overhead + 1.0);
    }

    @Test
    void sameSeedRepeatsTheSearchAndAnotherSeedChangesIt() {
        assumeTrue(backend().capabilities().seed());
        Program p = TestPrograms.hardKnapsack(40, 5, 11);
        SolveOptions.Builder o = SolveOptions.builder().relativeGap(0).threads(1).timeLimitSeconds(30);
        SolveResult a = solve(p, o.seed(1).build());
        SolveResult a2 = solve(p, o.seed(1).build());
        List<Long> others = new ArrayList<>();
        for (int seed = 2; seed <= 4; seed++) {
            others.add(solve(p, o.seed(seed).build()).nodes());
        }
        assertThat(a.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(a2.nodes()).isEqualTo(a.nodes());
        assertThat(a2.objective()).isEqualTo(a.objective());
        assertThat(others).as("node counts with seeds 2..4 vs %s with seed 1", a.nodes()).anyMatch(n -> n != a.nodes());
    }

    @Test
    void solvesFromSeveralThreadsAtOnce() throws Exception {
        Program lp = TestPrograms.lp();
        Program ip = TestPrograms.knapsack(16, 7);
        double ipOpt = TestPrograms.knapsackOptimum(ip);
        Backend b = backend();
        boolean lpOk = b.supports(lp.features()).supported();
        boolean ipOk = b.supports(ip.features()).supported();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger solved = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int rep = 0; rep < 5; rep++) {
                        if (ipOk) {
                            SolveResult r = b.solve(ip, SolveOptions.builder().relativeGap(0).threads(1).build());
                            assertThat(r.objective()).isCloseTo(ipOpt, within(TOL));
                        } else {
                            SolveResult r = b.solve(ip, SolveOptions.builder().relax(true).build());
                            assertThat(r.objective()).isGreaterThanOrEqualTo(ipOpt - TOL);
                        }
                        if (lpOk) {
                            assertThat(b.solve(lp, SolveOptions.DEFAULTS).objective()).isCloseTo(11, within(TOL));
                        }
                        solved.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(solved.get()).isEqualTo(20);
    }
}
