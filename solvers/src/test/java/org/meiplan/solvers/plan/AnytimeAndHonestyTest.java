package org.meiplan.solvers.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Size;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.eval.InferenceReservation;
import org.meiplan.models.formulations.training.TrainingScheduleFormulation;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.caching.CachingStage;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.serving.ServingStage;
import org.meiplan.solvers.training.TrainingStage;

/** Anytime stages, one deadline, prompt cancellation and statuses that claim no more than was proven. */
class AnytimeAndHonestyTest {

    static Instance read(ObjectNode json) {
        return new InstanceReader(BuiltinCatalog.instance()).read(json.toString());
    }

    static StageOptions options(String algorithm, String solver, double seconds) {
        return new StageOptions(seconds, 1e-4, 8, 0, solver, algorithm, new Cancellation());
    }

    static StageSolve last(Plan plan, String stage) {
        StageSolve found = null;
        for (StageSolve s : plan.solves()) {
            if (s.stage().equals(stage)) {
                found = s;
            }
        }
        return found;
    }

    /** virtual-assistant tiny with every site's storage 3.3 GB: CP-SAT once said OPTIMAL 0.2218 with bound 1.0. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anOptimalExactCachingOnCpSatHasItsBoundAtTheObjective(long seed) {
        ObjectNode json = ScenarioGenerator.generate("virtual-assistant", Size.TINY, seed).instance().deepCopy();
        json.withArray("/topology/sites").forEach(site -> ((ObjectNode) site).put("storage", "3.3 GB"));
        Instance instance = read(json);
        StageSolve cpsat = last(new CachingStage().solve(instance, Plan.empty(instance.name()),
                options("exact", "cpsat", 60)), "caching");
        StageSolve scip = last(new CachingStage().solve(instance, Plan.empty(instance.name()),
                options("exact", "scip", 60)), "caching");
        assertThat(cpsat.status()).as(cpsat.toString()).isEqualTo("OPTIMAL");
        assertThat(cpsat.gap()).as(cpsat.toString()).isLessThanOrEqualTo(1e-4);
        assertThat(cpsat.bound()).isGreaterThanOrEqualTo(cpsat.objective() - 1e-12);
        // both prove the same optimum
        assertThat(scip.status()).isEqualTo("OPTIMAL");
        assertThat(cpsat.objective()).isCloseTo(scip.objective(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void theTrainingGridDoesNotGrowWithJobDurations() {
        ObjectNode json = ScenarioGenerator.generate("mobile-health", Size.TINY, 1).instance().deepCopy();
        Instance normal = read(json);
        json.withArray("/training/jobs").forEach(job -> ((ObjectNode) job).put("epochs", 1e6));
        Instance huge = read(json);
        for (Instance instance : List.of(normal, huge)) {
            TrainingScheduleFormulation f = TrainingScheduleFormulation.build(instance,
                    InferenceReservation.residual(instance, Plan.empty(instance.name())), new int[instance.training().jobs().size()],
                    TrainingScheduleFormulation.Settings.DEFAULT);
            assertThat(f.program().horizon()).isLessThanOrEqualTo(TrainingScheduleFormulation.MAX_TICKS);
        }
        TrainingScheduleFormulation f = TrainingScheduleFormulation.build(normal,
                InferenceReservation.residual(normal, Plan.empty(normal.name())), new int[normal.training().jobs().size()],
                TrainingScheduleFormulation.Settings.DEFAULT);
        assertThat(f.tickSeconds()).as("an ordinary instance keeps the default grid").isEqualTo(60.0);
        // the reproducer: epochs 1e6, EDF; the schedule is feasible for the evaluator and carries a bound
        Plan plan = new TrainingStage().solve(huge, Plan.empty(huge.name()), options("edf", "auto", 5));
        assertThat(new Evaluator().evaluate(huge, plan).violations()).isEmpty();
        StageSolve solve = last(plan, "training");
        assertThat(solve.bound()).isNotNaN().isLessThanOrEqualTo(solve.objective());
    }

    @Test
    void servingUnderAShortLimitIsNeverWorseThanItsGreedy() {
        Instance medium = ScenarioGenerator.generate("virtual-assistant", Size.MEDIUM, 5).read(0);
        Plan cached = new CachingStage().solve(medium, Plan.empty(medium.name()), options("greedy-quick", "auto", 5));
        Plan greedy = new ServingStage().solve(medium, cached, options("greedy-quick", "auto", 5));
        for (double limit : new double[] {0.01, 0.3}) {
            for (String algorithm : new String[] {"auto", "exact"}) {
                Plan plan = new ServingStage().solve(medium, cached, options(algorithm, "auto", limit));
                StageSolve solve = last(plan, "serving");
                assertThat(solve.objective()).as(algorithm + " at " + limit + " s: " + solve)
                        .isGreaterThanOrEqualTo(last(greedy, "serving").objective() - 1e-9);
                assertThat(served(plan)).isGreaterThanOrEqualTo(served(greedy) > 0 ? 1 : 0);
                assertThat(new Evaluator().evaluate(medium, plan).violations()).isEmpty();
                if (!solve.status().equals("OPTIMAL")) {
                    // a bound is either proven (at least the objective of a maximisation) or none
                    assertThat(Double.isNaN(solve.bound()) || solve.bound() >= solve.objective() - 1e-9).isTrue();
                }
            }
        }
    }

    static long served(Plan plan) {
        return plan.serving().stream().filter(s -> s.mode() != Mode.REJECT).count();
    }

    @Test
    void aDeadlineBoundsWhatEveryStageIsGiven() {
        List<Double> limits = Collections.synchronizedList(new ArrayList<>());
        Planner planner = Planner.builder().timeLimitSeconds(100)
                .stageObjects(List.of(new PlannerMechanicsTest.Recording("caching", limits),
                        new PlannerMechanicsTest.Recording("serving", limits),
                        new PlannerMechanicsTest.Recording("training", limits)))
                .build();
        planner.plan(PlannerMechanicsTest.TINY, new Cancellation(), Deadline.after(2.0));
        assertThat(limits).isNotEmpty().allSatisfy(limit -> assertThat(limit).isLessThanOrEqualTo(2.0));
        // the decomposition had half of the 2 s: each of its stages is given at most what was left of it
        assertThat(limits.subList(0, 3)).allSatisfy(limit -> assertThat(limit).isLessThanOrEqualTo(1.0));
    }

    /** Ignores the cancellation: runs until the test releases it. */
    record Stubborn(CountDownLatch started, CountDownLatch release) implements Stage {
        @Override
        public String name() {
            return "serving";
        }

        @Override
        public String description() {
            return "ignores cancellation";
        }

        @Override
        public Plan solve(Instance instance, Plan sofar, StageOptions options) {
            started.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sofar;
        }
    }

    @Test
    void aCancelIsAnsweredWhileAStageThatIgnoresItStillRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Double> limits = new ArrayList<>();
        Planner planner = Planner.builder().stageObjects(List.of(new PlannerMechanicsTest.Recording("caching", limits),
                new Stubborn(started, release))).build();
        Cancellation cancellation = new Cancellation();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PlanReport> future = pool.submit(() -> planner.plan(PlannerMechanicsTest.TINY, cancellation));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            cancellation.cancel();
            PlanReport report = future.get(30, TimeUnit.SECONDS);
            assertThat(release.getCount()).as("answered before the stubborn stage returned").isEqualTo(1);
            assertThat(report.cancelled()).isTrue();
            assertThat(report.stages()).extracting(StageSolve::stage).containsExactly("caching");
            assertThat(report.evaluation()).isEqualTo(new Evaluator().evaluate(PlannerMechanicsTest.TINY, report.plan()));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
