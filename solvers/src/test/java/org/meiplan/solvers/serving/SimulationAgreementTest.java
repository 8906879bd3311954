package org.meiplan.solvers.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Scenarios;
import org.meiplan.datasets.generate.Size;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.eval.GroupMetrics;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.simulate.ServingSimulation;
import org.meiplan.models.simulate.SimulationReport;
import org.meiplan.solvers.plan.StageOptions;

/**
 * The evaluator's analytic serving model against the discrete-event simulation of the same plan:
 * on each of the four generated scenarios, planned by the serving stage (every group at or below the
 * target utilisation 0.6, so at most 0.8), the sample-weighted mean relative error over the classes
 * measured at least 100 times is within 10% for mean latency and time to first token and within 15% for
 * their SLO percentile (p95).
 */
class SimulationAgreementTest {

    static Stream<Arguments> tiny() {
        return Scenarios.names().stream().map(name -> Arguments.of(name, Size.TINY, 1L, 3600.0));
    }

    static Stream<Arguments> small() {
        List<Arguments> out = new ArrayList<>();
        for (String name : Scenarios.names()) {
            for (long seed : new long[] {1, 2}) {
                out.add(Arguments.of(name, Size.SMALL, seed, 3600.0));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("tiny")
    void predictedMeanAndPercentileAgreeWithTheSimulationOnTinyScenarios(String scenario, Size size, long seed,
            double duration) {
        check(scenario, size, seed, duration);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("small")
    void predictedMeanAndPercentileAgreeWithTheSimulationOnSmallScenarios(String scenario, Size size, long seed,
            double duration) {
        check(scenario, size, seed, duration);
    }

    static void check(String scenario, Size size, long seed, double duration) {
        Instance instance = ScenarioGenerator.generate(scenario, size, seed).read(0);
        Plan plan = new ServingStage().solve(instance, Plan.empty(instance.name()),
                StageOptions.DEFAULTS.withAlgorithm("greedy").withTimeLimit(20));
        for (GroupMetrics g : new Evaluator().evaluate(instance, plan).groups()) {
            assertThat(g.utilisation()).as(g.group()).isLessThanOrEqualTo(0.8);
        }
        // long enough for the busiest class to arrive at least 400 times
        double busiest = instance.requests().stream().mapToDouble(r -> r.rate()).max().orElse(1.0);
        double length = Math.min(200_000.0, Math.max(duration, 400.0 / busiest));
        SimulationReport report = new ServingSimulation(instance, plan).run(length, seed);
        double samples = 0.0;
        double[] error = new double[4];
        for (SimulationReport.ClassResult c : report.classes()) {
            if (c.samples() < 100) {
                continue;
            }
            samples += c.samples();
            error[0] += c.samples() * Math.abs(c.latencyError());
            error[1] += c.samples() * Math.abs(c.latencyPercentileError());
            error[2] += c.samples() * Math.abs(c.ttftError());
            error[3] += c.samples() * Math.abs(c.ttftPercentileError());
        }
        assertThat(samples).as("measured requests").isGreaterThan(0.0);
        assertThat(error[0] / samples).as("mean latency").isLessThanOrEqualTo(0.10);
        assertThat(error[1] / samples).as("percentile latency").isLessThanOrEqualTo(0.15);
        assertThat(error[2] / samples).as("mean TTFT").isLessThanOrEqualTo(0.10);
        assertThat(error[3] / samples).as("percentile TTFT").isLessThanOrEqualTo(0.15);
    }
}
