package org.meiplan.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.InvalidInstanceException;
import org.meiplan.models.physics.Percentiles;
import org.meiplan.models.physics.ServingPerformance;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load-dependent serving model in the evaluator: latency grows with rate, overload is a violation. */
class ServingLoadTest {

    static String handJson;
    static Instance hand;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ServingLoadTest.class.getResourceAsStream("/org/meiplan/models/hand.json")) {
            handJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        hand = new InstanceReader().read(handJson);
    }

    static Instance scaled(Instance instance, double factor) {
        List<RequestClass> requests = new ArrayList<>();
        instance.requests().forEach(r -> requests.add(r.withRate(r.rate() * factor)));
        return new Instance(instance.name(), instance.catalog(), instance.profiles(), instance.topology(),
                instance.workload().withRequests(requests), instance.training());
    }

    static final Plan EDGE = new Plan("hand", List.of(new SiteCache("s1", List.of("toy-p2"))),
            List.of(new Serving("on-device", Mode.DEVICE, null, List.of(new Stage("u1", 0, 4))),
                    new Serving("at-edge", Mode.EDGE, null, List.of(new Stage("s1", 0, 4)))),
            List.of(), List.of(), List.of());

    @Test
    void raisingEveryRateRaisesPredictedLatencyAndPastTheCapItIsAViolation() {
        double previousMean = 0.0;
        double previousPercentile = 0.0;
        boolean overloaded = false;
        for (double factor = 1.0; factor < 2000.0; factor *= 1.5) {
            Evaluation e = new Evaluator().evaluate(scaled(hand, factor), EDGE);
            RequestMetrics device = e.requests().get(0);
            double rho = e.groups().stream().filter(g -> g.group().equals("device:u1")).findFirst().orElseThrow()
                    .utilisation();
            List<PlanViolation> overloads = e.violations().stream()
                    .filter(v -> v.kind() == PlanViolation.Kind.OVERLOAD).toList();
            if (rho >= hand.workload().utilisationCap()) {
                overloaded = true;
                assertThat(overloads).anySatisfy(v -> {
                    assertThat(v.subject()).isEqualTo("u1");
                    assertThat(v.used()).isCloseTo(rho, within(1e-12));
                    assertThat(v.limit()).isEqualTo(hand.workload().utilisationCap());
                    assertThat(v.message()).contains("utilisationCap");
                });
                continue;
            }
            assertThat(overloads).isEmpty();
            assertThat(device.latency()).isGreaterThan(previousMean);
            assertThat(device.latencyPercentile()).isGreaterThanOrEqualTo(previousPercentile);
            assertThat(device.latencyPercentile()).isGreaterThanOrEqualTo(device.latency() * (1 - 1e-9));
            previousMean = device.latency();
            previousPercentile = device.latencyPercentile();
        }
        assertThat(overloaded).isTrue();
    }

    @Test
    void utilisationIsPrefillPlusMarginalDecodeAndTimesDivergeNearOne() {
        // prefill 10 ms, 99 steps of 1 ms weights + 0.1 ms KV each: ρ = λ·(0.01 + 99·1e-4)
        ServingPerformance.Stream unit = new ServingPerformance.Stream(1.0, 0.01, 99, "m", 1e-3, 1e-4, 1e-5, false);
        assertThat(ServingPerformance.utilisation(List.of(unit))).isCloseTo(0.01 + 99 * 1e-4, within(1e-15));
        double perUnit = ServingPerformance.utilisation(List.of(unit));
        double previous = 0.0;
        for (double rho : new double[] {0.1, 0.5, 0.9, 0.99, 0.999}) {
            ServingPerformance.Group g = ServingPerformance.of(List.of(unit.atRate(rho / perUnit)));
            assertThat(g.utilisation()).isCloseTo(rho, within(1e-12));
            double total = g.times().get(0).totalMean();
            assertThat(total).isGreaterThan(previous);
            previous = total;
        }
        assertThat(previous).isGreaterThan(50 * (0.01 + 99 * 1.1e-3)); // far past the unloaded time
        assertThat(ServingPerformance.of(List.of(unit.atRate(1.0 / perUnit))).overloaded()).isTrue();
    }

    @Test
    void aLoneSequenceDecodesAtTheRooflineOfOneIteration() {
        ServingPerformance.Stream lone = new ServingPerformance.Stream(1e-9, 0.01, 99, "m", 1e-3, 1e-4, 1e-5, false);
        ServingPerformance.StreamTimes t = ServingPerformance.of(List.of(lone)).times().get(0);
        assertThat(t.decodeMean()).isCloseTo(99 * 1.1e-3, within(1e-9));
        assertThat(t.waitMean()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void percentilesOfAnExponentialWaitAndOfAGaussianMatchTheirClosedForms() {
        // always waiting, exponential with mean 1: the 95th percentile is ln 20
        assertThat(Percentiles.quantile(0.95, 1.0, 0.0, 1.0, 1.0)).isCloseTo(Math.log(20), within(1e-9));
        // never waiting, Gaussian(10, 1): 10 + 1.6449
        assertThat(Percentiles.quantile(0.95, 10.0, 1.0, 0.0, 0.0)).isCloseTo(10 + 1.644854, within(1e-4));
        // waiting with probability 0.5: the 95th percentile of the wait is ln(0.5 / 0.05) times its conditional mean
        assertThat(Percentiles.quantile(0.95, 1.0, 0.0, 0.5, 1.0)).isCloseTo(2.0 * Math.log(10), within(1e-9));
    }

    @Test
    void aClassMayBeJudgedAtAnotherPercentile() {
        String json = handJson.replace("\"id\": \"on-device\"", "\"id\": \"on-device\", \"percentile\": 0.5");
        Instance median = new InstanceReader().read(json);
        assertThat(median.requests().get(0).percentile()).isEqualTo(0.5);
        assertThat(median.requests().get(1).percentile()).isEqualTo(0.95);
        RequestMetrics m = new Evaluator().evaluate(scaled(median, 50), EDGE).requests().get(0);
        RequestMetrics p95 = new Evaluator().evaluate(scaled(hand, 50), EDGE).requests().get(0);
        assertThat(m.latencyPercentile()).isLessThan(p95.latencyPercentile());
    }

    @Test
    void badServingFieldsAreReportedWithPathValueAndHint() {
        String json = handJson.replace("\"horizon\": 100", "\"horizon\": 100, \"utilisationCap\": 1.5,"
                + " \"targetUtilisation\": 0.2").replace("\"id\": \"on-device\"", "\"id\": \"on-device\", \"percentile\": 95");
        assertThatThrownBy(() -> new InstanceReader().read(json)).isInstanceOf(InvalidInstanceException.class)
                .hasMessageContainingAll("/workload/utilisationCap", "1.5", "/workload/requests/0/percentile", "95",
                        "0.95 for the 95th percentile");
        String above = handJson.replace("\"horizon\": 100", "\"horizon\": 100, \"utilisationCap\": 0.5,"
                + " \"targetUtilisation\": 0.7");
        assertThatThrownBy(() -> new InstanceReader().read(above)).isInstanceOf(InvalidInstanceException.class)
                .hasMessageContainingAll("/workload/targetUtilisation", "0.7", "above the utilisation cap");
    }
}
