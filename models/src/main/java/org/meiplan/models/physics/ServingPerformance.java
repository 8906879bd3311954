package org.meiplan.models.physics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load-dependent time of one serving group (a device, a site's GPUs, one cloud replica) under
 * continuous batching with prefill priority, the serving model of the evaluator, the optimizers'
 * menus and the check that {@code meiplan simulate} replays.
 *
 * <h2>The server</h2>
 * The group runs one iteration at a time and never preempts one. When an iteration ends it runs
 * the prefill of the oldest waiting request if there is one (vLLM's default scheduler puts waiting
 * prefills first), otherwise one decode iteration of the next model, in turn, that has sequences
 * decoding. A decode iteration of model m over batch B takes the roofline
 * {@code max(weights_m/BW + Σ_{j∈B} kv_j/BW, Σ_{j∈B} flops_j/F)}: the weights are read once per
 * iteration, each sequence's KV cache once, and each sequence's token costs its FLOP (Kwon et al.,
 * "Efficient Memory Management for Large Language Model Serving with PagedAttention", SOSP 2023;
 * Yu et al., "Orca", OSDI 2022, iteration-level scheduling). A prefill is the roofline of the prompt.
 *
 * <h2>The analytic model</h2>
 * <ul>
 *   <li>Utilisation {@code ρ = Σ λ_i·s_i + Σ λ_i·K_i·max(kv_i, c_i)}: prefill time plus the marginal
 *       per-sequence decode time, the share of the group large batches need; times diverge as ρ → 1.</li>
 *   <li>Mean batches by a fixed point of Little's law: {@code N_i = λ_i·K_i·τ_i/(1 − ρ_pre)} with
 *       {@code τ_i} the round a sequence of i waits between its tokens (its model's iteration at the
 *       mean batch plus the other models' iterations, weighted by the chance that they are active,
 *       {@code 1 − e^{−N_m}}), stretched by the prefills that interrupt decoding.</li>
 *   <li>Prefill waiting time by Cobham's formula for the top class of a non-preemptive priority
 *       M/G/1 queue, {@code W = R / (1 − ρ_pre)} with {@code R} the mean residual work of every
 *       iteration kind (Cobham, "Priority Assignment in Waiting Line Problems", Operations Research
 *       2(1), 1954; Kleinrock, "Queueing Systems" Vol. 2, 1976, §3.6), with an exponential tail for
 *       the percentile ({@link Percentiles}).</li>
 *   <li>Decode time variance: the prefills that arrive during a sequence's life (compound Poisson,
 *       {@code Σ λ_k s_k²·D}), the batch size averaged over it (variance {@code 2N/3} of the time
 *       average of an M/D/∞ count over one service time) and the other models' iterations in its
 *       rounds (each active with probability p for stretches as long as a life: {@code p(1−p)t²·2/3}
 *       per round, squared over its K rounds).</li>
 * </ul>
 * Running time O(I·S) for S streams and I ≤ 2000 fixed-point rounds.
 */
public final class ServingPerformance {

    private ServingPerformance() {
    }

    /**
     * One class's work on this group: its rate (1/s), prefill seconds, decode steps it runs here,
     * the model key whose weights an iteration reads once, the weight seconds of that model's
     * iteration, and its per-iteration KV-read and compute seconds.
     *
     * @param multiStage whether the class runs on other nodes too (it then waits for an iteration
     *        to start at every token, having arrived from another stage)
     */
    public record Stream(double rate, double prefillSeconds, int decodeSteps, String model, double weightSeconds,
            double kvSeconds, double computeSeconds, boolean multiStage) {
        public Stream {
            if (!(rate >= 0.0) || !(prefillSeconds >= 0.0) || decodeSteps < 0 || !(weightSeconds >= 0.0)
                    || !(kvSeconds >= 0.0) || !(computeSeconds >= 0.0)) {
                throw new IllegalArgumentException("a stream needs non-negative rate and times");
            }
        }

        /** Marginal seconds of one decode token: the larger of its KV read and its compute. */
        public double marginal() {
            return Math.max(kvSeconds, computeSeconds);
        }

        /** The same stream at another rate. */
        public Stream atRate(double newRate) {
            return new Stream(newRate, prefillSeconds, decodeSteps, model, weightSeconds, kvSeconds, computeSeconds,
                    multiStage);
        }
    }

    /**
     * What one stream experiences on the group: the prefill wait (mean and chance of waiting at
     * all), its prefill, and its decode time here (mean, standard deviation and third central
     * moment, s³, from the prefills that interrupt it), all in seconds; infinite when the group is
     * overloaded.
     */
    public record StreamTimes(double waitMean, double waitProbability, double prefill, double decodeMean,
            double decodeSd, double decodeThird) {
        /** Mean seconds until the first token leaves this group. */
        public double ttftMean() {
            return waitMean + prefill;
        }

        /** Mean seconds on this group in all. */
        public double totalMean() {
            return waitMean + prefill + decodeMean;
        }
    }

    /**
     * The group's state: utilisation ρ, its prefill part, the fraction of time it is busy, the
     * mean number of sequences decoding, and the times of every stream (in the order given).
     */
    public record Group(double utilisation, double prefillUtilisation, double busy, double meanBatch,
            List<StreamTimes> times) {
        public Group {
            times = List.copyOf(times);
        }

        /** Whether the offered load needs the group more than all the time. */
        public boolean overloaded() {
            return !(utilisation < 1.0);
        }
    }

    /** Utilisation of a set of streams: prefill time plus marginal decode time per second. */
    public static double utilisation(List<Stream> streams) {
        double rho = 0.0;
        for (Stream s : streams) {
            rho += s.rate() * (s.prefillSeconds() + s.decodeSteps() * s.marginal());
        }
        return rho;
    }

    /** The group's state under these streams. */
    public static Group of(List<Stream> streams) {
        int n = streams.size();
        double rhoPre = 0.0;
        double residualPre = 0.0;
        for (Stream s : streams) {
            rhoPre += s.rate() * s.prefillSeconds();
            residualPre += s.rate() * s.prefillSeconds() * s.prefillSeconds() / 2.0;
        }
        double rho = utilisation(streams);
        if (!(rho < 1.0)) {
            List<StreamTimes> inf = new ArrayList<>();
            double infinity = Double.POSITIVE_INFINITY;
            for (Stream s : streams) {
                inf.add(new StreamTimes(infinity, 1.0, s.prefillSeconds(), infinity, infinity, 0.0));
            }
            return new Group(rho, rhoPre, 1.0, infinity, inf);
        }
        // models and their members
        Map<String, Integer> modelIds = new HashMap<>();
        List<Double> weight = new ArrayList<>();
        int[] modelOf = new int[n];
        for (int i = 0; i < n; i++) {
            Stream s = streams.get(i);
            Integer m = modelIds.get(s.model());
            if (m == null) {
                m = weight.size();
                modelIds.put(s.model(), m);
                weight.add(s.weightSeconds());
            }
            modelOf[i] = m;
        }
        int models = weight.size();
        double stretch = 1.0 / (1.0 - rhoPre);
        double[] batch = new double[n];
        double[] tau = new double[n];
        double[] nModel = new double[models];
        double[] kvModel = new double[models];
        double[] cModel = new double[models];
        double[] active = new double[models];
        double[] iteration = new double[models];
        if (n == 1) {
            // one stream: the least fixed point of N = g·max(a + kv(1+N), c(1+N)) is the larger of the two
            // linear branches' fixed points (g = λK/(1 − ρ_pre), each branch a contraction since ρ < 1)
            Stream s = streams.get(0);
            double g = s.rate() * s.decodeSteps() * stretch;
            double memory = g * (s.weightSeconds() + s.kvSeconds()) / (1.0 - g * s.kvSeconds());
            double compute = g * s.computeSeconds() / (1.0 - g * s.computeSeconds());
            batch[0] = Math.max(memory, compute);
        }
        for (int round = 0; round < 2000; round++) {
            java.util.Arrays.fill(nModel, 0.0);
            java.util.Arrays.fill(kvModel, 0.0);
            java.util.Arrays.fill(cModel, 0.0);
            for (int i = 0; i < n; i++) {
                nModel[modelOf[i]] += batch[i];
                kvModel[modelOf[i]] += batch[i] * streams.get(i).kvSeconds();
                cModel[modelOf[i]] += batch[i] * streams.get(i).computeSeconds();
            }
            double othersAll = 0.0;
            for (int m = 0; m < models; m++) {
                active[m] = 1.0 - Math.exp(-nModel[m]);
                iteration[m] = active[m] > 1e-12
                        ? Math.max(weight.get(m) + kvModel[m] / active[m], cModel[m] / active[m]) : weight.get(m);
                othersAll += active[m] * iteration[m];
            }
            double change = 0.0;
            for (int i = 0; i < n; i++) {
                Stream s = streams.get(i);
                int m = modelOf[i];
                double own = Math.max(weight.get(m) + kvModel[m] + s.kvSeconds(), cModel[m] + s.computeSeconds());
                tau[i] = own + othersAll - active[m] * iteration[m];
                double next = s.rate() * s.decodeSteps() * tau[i] * stretch;
                change = Math.max(change, Math.abs(next - batch[i]) / Math.max(1e-9, next));
                batch[i] = next;
            }
            if (change < 1e-10) {
                break;
            }
        }
        // decode iterations: rate of m's iterations and their mean residual
        double residualDecode = 0.0;
        double decodeBusy = 0.0;
        for (int m = 0; m < models; m++) {
            double tokens = 0.0;
            for (int i = 0; i < n; i++) {
                if (modelOf[i] == m) {
                    tokens += streams.get(i).rate() * streams.get(i).decodeSteps();
                }
            }
            if (tokens <= 0.0 || nModel[m] <= 0.0) {
                continue;
            }
            double perIteration = nModel[m] / active[m];
            double iterations = tokens / perIteration;
            decodeBusy += iterations * iteration[m];
            residualDecode += iterations * iteration[m] * iteration[m] / 2.0;
        }
        double busy = Math.min(1.0, rhoPre + decodeBusy);
        double wait = (residualPre + residualDecode) / (1.0 - rhoPre);
        double meanIteration = decodeBusy > 0.0 ? 2.0 * residualDecode / decodeBusy : 0.0;
        double interruption = 0.0;
        double interruptionThird = 0.0;
        for (Stream s : streams) {
            interruption += s.rate() * s.prefillSeconds() * s.prefillSeconds();
            interruptionThird += s.rate() * Math.pow(s.prefillSeconds(), 3);
        }
        List<StreamTimes> times = new ArrayList<>();
        double meanBatch = 0.0;
        for (int i = 0; i < n; i++) {
            Stream s = streams.get(i);
            int m = modelOf[i];
            meanBatch += batch[i];
            // a token arriving from another stage waits for the iteration in progress, unless that is its own kind's
            double others = Math.max(0.0, busy - s.rate() * (s.prefillSeconds() + s.decodeSteps() * tau[i]));
            double join = s.multiStage() ? others * meanIteration / 2.0 : 0.0;
            double decode = s.decodeSteps() * (tau[i] + join) * stretch;
            double slope = weight.get(m) + kvModel[m] >= cModel[m] ? avg(kvModel[m], nModel[m], s.kvSeconds())
                    : avg(cModel[m], nModel[m], s.computeSeconds());
            double batchVar = Math.pow(s.decodeSteps() * slope * stretch, 2) * (2.0 / 3.0) * nModel[m];
            // prefills that interrupt a life of work x: variance x·Σλs²/(1−ρ_pre)³ (the completion time of
            // low-priority work under high-priority M/G/1 traffic, Kleinrock Vol. 2 §3.7), skew Σλs³·D
            double work = s.decodeSteps() * (tau[i] + join);
            double interruptVar = interruption * work * Math.pow(stretch, 3);
            double interruptThird = interruptionThird * decode;
            // other models' iterations join a round while they are active, for stretches as long as a life
            double othersVar = 0.0;
            for (int o = 0; o < models; o++) {
                if (o != m) {
                    othersVar += active[o] * (1.0 - active[o]) * iteration[o] * iteration[o];
                }
            }
            othersVar *= Math.pow(s.decodeSteps() * stretch, 2) * (2.0 / 3.0);
            times.add(new StreamTimes(wait, busy, s.prefillSeconds(), decode, Math.sqrt(batchVar + interruptVar + othersVar),
                    interruptThird));
        }
        return new Group(rho, rhoPre, busy, meanBatch, times);
    }

    private static double avg(double total, double count, double fallback) {
        return count > 1e-12 ? total / count : fallback;
    }
}
