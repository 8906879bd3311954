package org.meiplan.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.RadioGrant;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.Stage;
import org.meiplan.models.plan.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluator on {@code hand.json}, whose numbers are round enough to work out on paper.
 * The toy model: 4 layers of 1e6 parameters, embedding and head 1e6 each, 2 bytes per
 * parameter → 1.2e7 bytes; KV cache 2·4·10·100·2 = 16,000 bytes per token.
 * The device: 1e12 FLOP/s, 1e10 B/s. The GPU: 1e14 FLOP/s, 1e12 B/s. Radio: 1 MHz at 1 W,
 * gain 1e-10, N0 1e-20 → SNR 1e4 → rate r = 1e6·log2(10001) bit/s.
 */
class EvaluatorTest {

    static Instance hand;
    static final double RATE = 1e6 * Math.log(10001) / Math.log(2);

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = EvaluatorTest.class.getResourceAsStream("/org/meiplan/models/hand.json")) {
            hand = new InstanceReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Plan plan(List<SiteCache> caching, List<Serving> serving, List<RadioGrant> radio, List<TrainingRun> training) {
        return new Plan("hand", caching, serving, radio, training, List.of());
    }

    static final List<RadioGrant> FULL_BAND = List.of(new RadioGrant("u1", 1e6, 1, 1e6, 1), new RadioGrant("u2", 1e6, 1, 1e6, 1));

    @Test
    void deviceServingByHand() {
        Plan plan = plan(List.of(), List.of(new Serving("on-device", Mode.DEVICE, null, List.of(new Stage("u1", 0, 4)))),
                List.of(), List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).isEmpty();
        RequestMetrics m = e.requests().get(0);
        // prefill: max(1.08e9 FLOP / 1e12, 1.2e7 B / 1e10) = 1.2 ms; each of 9 further tokens at batch 1:
        // max(1.168e7 / 1e12, (1.2e7 + 105·16,000) / 1e10) = 1.368 ms; queueing at 1 request/s on top
        double[] q = oneStream(1.0, 1.2e-3, 9, 1.2e-3, 105 * 16_000 / 1e10);
        assertThat(m.ttft()).isCloseTo(q[0], within(1e-9));
        assertThat(m.latency()).isCloseTo(q[1], within(1e-9));
        assertThat(m.ttft()).isGreaterThan(1.2e-3);
        assertThat(m.latency()).isGreaterThan(1.2e-3 + 9 * 1.368e-3);
        // the server is busy less than 5% of the time: the 95th percentile request does not wait
        assertThat(e.groups().get(0).busy()).isLessThan(0.05);
        assertThat(m.ttftPercentile()).isCloseTo(1.2e-3, within(1e-12));
        assertThat(m.latencyPercentile()).isGreaterThan(m.latency());
        assertThat(m.percentile()).isEqualTo(0.95);
        assertThat(m.deviceCompute()).isCloseTo(m.latency(), within(1e-15));
        assertThat(m.uplink()).isZero();
        // energy: 2 W busy for 13.512 ms (waiting burns nothing)
        assertThat(m.deviceEnergy()).isCloseTo(2 * 0.013512, within(1e-12));
        assertThat(m.sloMet()).isTrue();
        // over the 100 s horizon at 1 request/s
        assertThat(e.users().get(0).energy()).isCloseTo(100 * 2 * 0.013512, within(1e-9));
    }

    @Test
    void edgeServingByHand() {
        Plan plan = plan(List.of(new SiteCache("s1", List.of("toy-p2"))),
                List.of(new Serving("at-edge", Mode.EDGE, null, List.of(new Stage("s1", 0, 4)))), FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).isEmpty();
        RequestMetrics m = e.requests().get(1);
        double up = 100 * 4 * 8 / RATE;     // 100 tokens of 4 bytes
        double token = 4 * 8 / RATE;        // one token down
        double prefill = 1.2e-5;            // max(1.08e9/1e14, 1.2e7/1e12)
        double step = 1.368e-5;             // max(1.168e7/1e14, 1.368e7/1e12)
        assertThat(m.uplink()).isCloseTo(up, within(1e-15));
        assertThat(m.downlink()).isCloseTo(token, within(1e-15));
        double[] q = oneStream(1.0, prefill, 9, 1.2e7 / 1e12, 105 * 16_000 / 1e12);
        assertThat(m.ttft()).isCloseTo(up + token + q[0], within(1e-12));
        assertThat(m.latency()).isCloseTo(up + token + q[1], within(1e-12));
        assertThat(m.edgeCompute()).isCloseTo(q[1], within(1e-12));
        assertThat(q[1]).isCloseTo(prefill + 9 * step, within(1e-6)); // a light load adds little
        // uplink energy: 1 W for the prompt's airtime
        assertThat(m.deviceEnergy()).isCloseTo(up, within(1e-15));
        SiteMetrics s1 = e.sites().get(0);
        assertThat(s1.storageUsed()).isEqualTo(1.2e7);
        assertThat(s1.gpuWeights()).isEqualTo(1.2e7);
        // KV: rate 1/s × latency × 110 tokens × 16,000 B
        assertThat(s1.gpuKvCache()).isCloseTo(m.latency() * 110 * 16_000, within(1e-6));
        assertThat(e.summary().hitRatio()).isCloseTo(2.0 / 4.0, within(1e-12)); // u1's two classes hit at s1
    }

    @Test
    void splitSendsPromptActivationsAndOneHiddenStatePerToken() {
        Plan plan = plan(List.of(new SiteCache("s2", List.of("toy-p2"))),
                List.of(new Serving("private", Mode.SPLIT, null, List.of(new Stage("u2", 0, 1), new Stage("s2", 1, 4)))),
                FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).isEmpty();
        RequestMetrics m = e.requests().get(2);
        double activations = 100 * 1000 * 2 * 8 / RATE; // prompt hidden states up
        double hidden = 1000 * 2 * 8 / RATE;             // one token's hidden state up
        double token = 4 * 8 / RATE;                     // sampled token down to the device
        assertThat(m.uplink()).isCloseTo(activations + 9 * hidden, within(1e-12));
        assertThat(m.downlink()).isCloseTo(token + 9 * token, within(1e-12));
        // device runs layer 0 with the embedding: 2e6 params = 4e6 B; prefill memory-bound 4e-4 s
        // (FLOP: 100 · (2·1e6 + 2·2·50·1000) = 2.2e8 → 2.2e-4 s)
        assertThat(m.deviceCompute()).isGreaterThan(4e-4);
    }

    @Test
    void privacyForbidsTheEdgeForDeviceOnlyPrompts() {
        Plan plan = plan(List.of(new SiteCache("s2", List.of("toy-p2"))),
                List.of(new Serving("private", Mode.EDGE, null, List.of(new Stage("s2", 0, 4)))), FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind).containsExactly(PlanViolation.Kind.PRIVACY);
        assertThat(e.violations().get(0).message()).contains("may not leave the device");
        assertThat(e.requests().get(2).served()).isFalse();
    }

    @Test
    void servingFromASiteThatDoesNotCacheTheVariantIsAViolation() {
        Plan plan = plan(List.of(), List.of(new Serving("at-edge", Mode.EDGE, null, List.of(new Stage("s1", 0, 4)))),
                FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind).containsExactly(PlanViolation.Kind.NOT_CACHED);
    }

    @Test
    void storageCountsSharedBlocksOnce() {
        // toy-p2 (1.2e7 B) and its fine-tune (adapter: 1 · (1000 + 1000) · 4 layers · 2 B = 16,000 B)
        Plan plan = plan(List.of(new SiteCache("s1", List.of("toy-p2", "toy-ft")),
                new SiteCache("s2", List.of("toy-p2", "toy2-p2"))), List.of(), List.of(), List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.sites().get(0).storageUsed()).isEqualTo(1.2e7 + 16_000);
        assertThat(e.sites().get(1).storageUsed()).isEqualTo(2.4e7);
    }

    @Test
    void storageOverflowIsReportedWithItsAmount() {
        Instance small = withReplaced("\"storage\": 1e8, \"gpu\": \"gpu\", \"gpus\": 1,\n       \"backhaulRate\": 1e9, \"backhaulLatency\": 0.01},\n      {\"id\": \"s2\"",
                "\"storage\": 2e7, \"gpu\": \"gpu\", \"gpus\": 1,\n       \"backhaulRate\": 1e9, \"backhaulLatency\": 0.01},\n      {\"id\": \"s2\"");
        Plan plan = plan(List.of(new SiteCache("s1", List.of("toy-p2", "toy2-p2"))), List.of(), List.of(), List.of());
        Evaluation e = new Evaluator().evaluate(small, plan);
        assertThat(e.violations()).hasSize(1);
        PlanViolation v = e.violations().get(0);
        assertThat(v.kind()).isEqualTo(PlanViolation.Kind.STORAGE);
        assertThat(v.used()).isEqualTo(2.4e7);
        assertThat(v.limit()).isEqualTo(2e7);
        assertThat(v.excess()).isCloseTo(4e6, within(1e-6));
        assertThat(v.path()).isEqualTo("/caching/0");
    }

    @Test
    void overGrantedBandwidthAndPowerAreViolations() {
        Plan plan = plan(List.of(), List.of(), List.of(new RadioGrant("u1", 2e6, 2, 1e6, 1)), List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind)
                .containsExactlyInAnyOrder(PlanViolation.Kind.USER_POWER, PlanViolation.Kind.UPLINK_BANDWIDTH);
    }

    @Test
    void aFineTunedVariantHasNoSubstitute() {
        Plan plan = plan(List.of(new SiteCache("s2", List.of("toy-p2"))),
                List.of(new Serving("tuned", Mode.EDGE, "toy-p2", List.of(new Stage("s2", 0, 4)))), FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind).containsExactly(PlanViolation.Kind.QUALITY);
    }

    @Test
    void aSubstituteBelowTheQualityFloorIsAViolation() {
        Plan plan = plan(List.of(new SiteCache("s1", List.of("toy2-p2"))),
                List.of(new Serving("at-edge", Mode.EDGE, "toy2-p2", List.of(new Stage("s1", 0, 4)))), FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        // toy2 has quality 0.4 < the floor 0.5 (the requested variant's quality)
        assertThat(e.violations()).extracting(PlanViolation::kind).containsExactly(PlanViolation.Kind.QUALITY);
        assertThat(e.violations().get(0).used()).isEqualTo(0.4);
    }

    @Test
    void stagesMustCoverEveryLayerInOrder() {
        Plan plan = plan(List.of(new SiteCache("s1", List.of("toy-p2"))),
                List.of(new Serving("at-edge", Mode.PIPELINE, null, List.of(new Stage("u1", 0, 2), new Stage("s1", 3, 4)))),
                FULL_BAND, List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind).contains(PlanViolation.Kind.MALFORMED);
    }

    @Test
    void unknownIdsAreViolationsNotExceptions() {
        Plan plan = plan(List.of(new SiteCache("nowhere", List.of("toy-p2"))),
                List.of(new Serving("ghost", Mode.CLOUD, null, List.of(new Stage("cloud", 0, 4)))),
                List.of(new RadioGrant("nobody", 1, 1, 1, 1)), List.of(new TrainingRun("no-job", "s1", 0, 1, 0)));
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind).containsOnly(PlanViolation.Kind.UNKNOWN_ID).hasSize(4);
    }

    @Test
    void trainingHoldsASharedBaseOnceWhileJobsOverlap() {
        // each job: adapter 8000 params · 16 B + 34 · 10 · 1000 · 4 = 1,488,000 B; base 1.2e7 B once
        Plan overlapping = plan(List.of(), List.of(), List.of(),
                List.of(new TrainingRun("j1", "s1", 0, 400, 0), new TrainingRun("j2", "s1", 100, 450, 0)));
        Evaluation e = new Evaluator().evaluate(hand, overlapping);
        assertThat(e.violations()).isEmpty();
        assertThat(e.summary().jobsOnTime()).isEqualTo(2);

        Instance tight = withReplaced("\"memory\": 1e10", "\"memory\": 1.4e7");
        Evaluation squeezed = new Evaluator().evaluate(tight, overlapping);
        assertThat(squeezed.violations()).extracting(PlanViolation::kind).containsExactly(PlanViolation.Kind.TRAINING_MEMORY);
        assertThat(squeezed.violations().get(0).used()).isEqualTo(1.2e7 + 2 * 1_488_000);

        // sequential runs fit the same memory
        Plan sequential = plan(List.of(), List.of(), List.of(),
                List.of(new TrainingRun("j1", "s1", 0, 200, 0), new TrainingRun("j2", "s1", 200, 450, 0)));
        assertThat(new Evaluator().evaluate(tight, sequential).violations()).isEmpty();
    }

    @Test
    void trainingReportsDeadlinesAndReleaseHonestly() {
        // LoRA work: (4 · 6e6 + 6 · 8000) · 1e6 = 2.4048e13 FLOP → 0.24048 s at 1e14 FLOP/s
        Plan plan = plan(List.of(), List.of(), List.of(), List.of(new TrainingRun("j1", "s1", 0, 600, 0)));
        Evaluation e = new Evaluator().evaluate(hand, plan);
        JobMetrics j1 = e.jobs().get(0);
        assertThat(j1.minimumDuration()).isCloseTo(0.24048, within(1e-12));
        assertThat(j1.onTime()).isFalse();
        assertThat(j1.tardiness()).isEqualTo(100.0);
        assertThat(e.jobs().get(1).scheduled()).isFalse();
        assertThat(e.violations()).isEmpty();
    }

    @Test
    void trainingFasterThanTheSiteCanRunIsAViolation() {
        Plan plan = plan(List.of(), List.of(), List.of(), List.of(new TrainingRun("j1", "s1", 0, 0.1, 0)));
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.violations()).extracting(PlanViolation::kind).containsExactly(PlanViolation.Kind.TRAINING_COMPUTE);
    }

    @Test
    void usersWithoutAGrantShareTheRestAndTheAssumptionIsStated() {
        Plan plan = plan(List.of(new SiteCache("s1", List.of("toy-p2"))),
                List.of(new Serving("at-edge", Mode.EDGE, null, List.of(new Stage("s1", 0, 4)))), List.of(), List.of());
        Evaluation e = new Evaluator().evaluate(hand, plan);
        assertThat(e.assumptions()).anyMatch(a -> a.contains("equal share"));
        assertThat(e.requests().get(1).uplink()).isCloseTo(100 * 4 * 8 / RATE, within(1e-15));
    }

    static Instance withReplaced(String from, String to) {
        try (InputStream in = EvaluatorTest.class.getResourceAsStream("/org/meiplan/models/hand.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains(from);
            return new InstanceReader().read(text.replace(from, to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Mean compute TTFT and latency of one memory-bound stream alone on a server, in closed form:
     * Little's law {@code N = λK(a + kv(1+N))/(1−ρ_pre)} solved for the mean batch N, the round
     * {@code τ = a + kv(1+N)}, decode {@code Kτ/(1−ρ_pre)}, and Cobham's prefill wait
     * {@code (λs²/2 + r·t²/2)/(1−ρ_pre)} with r = λK·p/N iterations per second of length
     * {@code t = a + kv·N/p}, p = 1 − e^{−N}.
     */
    static double[] oneStream(double rate, double s, int steps, double a, double kv) {
        double rhoPre = rate * s;
        double g = rate * steps / (1 - rhoPre);
        double n = g * (a + kv) / (1 - g * kv);
        double tau = a + kv * (1 + n);
        double decode = steps * tau / (1 - rhoPre);
        double p = 1 - Math.exp(-n);
        double t = a + kv * n / p;
        double iterations = rate * steps * p / n;
        double wait = (rate * s * s / 2 + iterations * t * t / 2) / (1 - rhoPre);
        return new double[] {wait + s, wait + s + decode};
    }
}
