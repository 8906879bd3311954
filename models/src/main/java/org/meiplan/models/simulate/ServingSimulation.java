package org.meiplan.models.simulate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.eval.RequestMetrics;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.physics.ServingGroups;
import org.meiplan.models.physics.ServingPerformance;
import org.meiplan.models.plan.Plan;

/**
 * A discrete-event simulation of a plan's serving, the check of the evaluator's analytic model
 * ({@link ServingPerformance}): Poisson arrivals per request class, the radio and wire transfer
 * times of the plan's grants and links (deterministic), and every serving group run as the
 * server that model describes — one iteration at a time, the oldest waiting prefill first,
 * otherwise one decode iteration of the next model in turn over all its sequences ready for a
 * token, timed by the roofline {@code max(weights + Σ kv, Σ flops)}. A cloud group has the
 * evaluator's replica count; each request goes to one replica at random (a Poisson split).
 * A multi-stage request runs its prefills stage by stage and each token through every stage in
 * order, the per-token transfer paid after the last stage.
 *
 * <p>Requests arriving in the first tenth of the run warm the servers up and are not measured;
 * the run continues past {@code duration} until the measured requests finish (at most 10× the
 * duration). Deterministic for a seed. Running time O(E log E) for E events (arrivals,
 * prefills, iterations).
 */
public final class ServingSimulation {

    /** Share of the duration whose arrivals warm up the servers and are not measured. */
    public static final double WARM_UP = 0.1;

    private final Instance instance;
    private final Plan plan;

    public ServingSimulation(Instance instance, Plan plan) {
        this.instance = instance;
        this.plan = plan;
    }

    /** Runs {@code duration} simulated seconds of arrivals with this seed. */
    public SimulationReport run(double duration, long seed) {
        if (!(duration > 0.0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("the simulated duration must be positive and finite, was " + duration);
        }
        long start = System.nanoTime();
        Evaluator.Replay replay = new Evaluator().replay(instance, plan);
        Engine engine = new Engine(replay, duration, seed);
        engine.run();
        return engine.report(replay.evaluation(), (System.nanoTime() - start) / 1e9);
    }

    /** One request in flight. */
    private static final class Job {
        final int path;
        final double arrival;
        final boolean measured;
        int stage;
        int tokens;
        final int[] replica;
        final Server[] at;
        final ServingPerformance.Stream[] streams;
        double ttft = Double.NaN;

        Job(int path, double arrival, boolean measured, ServingPerformance.Stream[] streams) {
            this.path = path;
            this.arrival = arrival;
            this.measured = measured;
            this.replica = new int[streams.length];
            this.at = new Server[streams.length];
            this.streams = streams;
        }
    }

    /** One server: a device, a site's GPUs, or one cloud replica. */
    private final class Server {
        final ArrayDeque<Job> prefills = new ArrayDeque<>();
        final Map<String, List<Job>> ready = new LinkedHashMap<>();
        final List<String> models = new ArrayList<>();
        int turn;
        boolean busy;
        boolean kicked;

        /**
         * Starts the server once every event of this instant has been handled (a kick at the same
         * time, after them), so that sequences ready at the same instant share one iteration.
         */
        void offer(Engine engine, double now) {
            if (!busy && !kicked) {
                kicked = true;
                engine.schedule(now, new Kick(this));
            }
        }
    }

    private final class Engine {
        final Evaluator.Replay replay;
        final double duration;
        final SplittableRandom random;
        final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.time() != b.time()
                ? Double.compare(a.time(), b.time()) : Long.compare(a.sequence(), b.sequence()));
        long sequence;
        final List<ServingPerformance.Stream[]> streams = new ArrayList<>();
        final List<Server[][]> servers = new ArrayList<>(); // per path, per stage: its group's replicas
        final List<List<Double>> ttfts = new ArrayList<>();
        final List<List<Double>> latencies = new ArrayList<>();
        int measuredOpen;
        long iterations;
        long prefillsRun;

        Engine(Evaluator.Replay replay, double duration, long seed) {
            this.replay = replay;
            this.duration = duration;
            this.random = new SplittableRandom(seed);
            List<ServingGroups.Placement> placements = new ArrayList<>();
            replay.paths().forEach(p -> placements.add(p.placement()));
            ServingGroups.Result groups = ServingGroups.of(instance, placements);
            Map<String, Integer> replicas = new HashMap<>();
            groups.groups().forEach(g -> replicas.put(g.id(), g.replicas()));
            Map<String, Server[]> byGroup = new HashMap<>();
            for (ServingGroups.Placement p : placements) {
                int stages = p.nodes().size();
                ServingPerformance.Stream[] s = new ServingPerformance.Stream[stages];
                Server[][] at = new Server[stages][];
                for (int i = 0; i < stages; i++) {
                    s[i] = ServingGroups.streamOf(instance, p, i);
                    String group = ServingGroups.groupOf(instance, p, i);
                    at[i] = byGroup.computeIfAbsent(group, g -> {
                        Server[] r = new Server[replicas.getOrDefault(g, 1)];
                        for (int k = 0; k < r.length; k++) {
                            r[k] = new Server();
                        }
                        return r;
                    });
                }
                streams.add(s);
                servers.add(at);
                ttfts.add(new ArrayList<>());
                latencies.add(new ArrayList<>());
            }
        }

        void schedule(double time, Object payload) {
            events.add(new Event(time, sequence++, payload));
        }

        void run() {
            for (int k = 0; k < replay.paths().size(); k++) {
                double rate = instance.requests().get(replay.paths().get(k).placement().request()).rate();
                if (rate > 0.0) {
                    schedule(exponential(rate), new Arrival(k));
                }
            }
            double stop = 10.0 * duration;
            while (!events.isEmpty()) {
                Event e = events.poll();
                double now = e.time();
                Object payload = e.payload();
                if (now > duration && measuredOpen == 0 || now > stop) {
                    break;
                }
                if (payload instanceof Arrival a) {
                    arrive(a.path(), now);
                } else if (payload instanceof ToStage t) {
                    toStage(t.job(), now);
                } else if (payload instanceof Done d) {
                    finish(d, now);
                } else if (payload instanceof Kick k) {
                    k.server().kicked = false;
                    if (!k.server().busy) {
                        startNext(k.server(), now);
                    }
                }
            }
        }

        double exponential(double rate) {
            return -Math.log(1.0 - random.nextDouble()) / rate;
        }

        void arrive(int path, double now) {
            ServingGroups.Placement p = replay.paths().get(path).placement();
            if (now <= duration) {
                double rate = instance.requests().get(p.request()).rate();
                schedule(now + exponential(rate), new Arrival(path));
            } else {
                return;
            }
            Job job = new Job(path, now, now >= WARM_UP * duration, streams.get(path));
            for (int i = 0; i < job.replica.length; i++) {
                Server[] replicas = servers.get(path)[i];
                job.replica[i] = replicas.length == 1 ? 0 : random.nextInt(replicas.length);
                job.at[i] = replicas[job.replica[i]];
            }
            measuredOpen += job.measured ? 1 : 0;
            job.stage = 0;
            schedule(now + replay.paths().get(path).ttftTransfer(), new ToStage(job));
        }

        Server server(Job job) {
            return job.at[job.stage];
        }

        /** The job reaches its current stage: for its prefill before its first token, else for a decode step. */
        void toStage(Job job, double now) {
            enqueue(job).offer(this, now);
        }

        /** Puts the job in its current stage's queue (prefill) or ready list (decode); returns that server. */
        Server enqueue(Job job) {
            Server server = server(job);
            if (Double.isNaN(job.ttft)) {
                server.prefills.add(job);
            } else {
                String model = job.streams[job.stage].model();
                List<Job> list = server.ready.get(model);
                if (list == null) {
                    list = new ArrayList<>();
                    server.ready.put(model, list);
                    server.models.add(model);
                }
                list.add(job);
            }
            return server;
        }

        void startNext(Server server, double now) {
            Job job = server.prefills.poll();
            if (job != null) {
                server.busy = true;
                prefillsRun++;
                schedule(now + job.streams[job.stage].prefillSeconds(), new Done(server, List.of(job), true));
                return;
            }
            for (int k = 0; k < server.models.size(); k++) {
                int m = (server.turn + k) % server.models.size();
                List<Job> batch = server.ready.get(server.models.get(m));
                if (batch.isEmpty()) {
                    continue;
                }
                server.turn = (m + 1) % server.models.size();
                double kv = 0.0;
                double flops = 0.0;
                double weights = 0.0;
                for (Job j : batch) {
                    ServingPerformance.Stream s = j.streams[j.stage];
                    kv += s.kvSeconds();
                    flops += s.computeSeconds();
                    weights = Math.max(weights, s.weightSeconds());
                }
                List<Job> running = batch;
                server.ready.put(server.models.get(m), new ArrayList<>(Math.max(4, running.size())));
                server.busy = true;
                iterations++;
                schedule(now + Math.max(weights + kv, flops), new Done(server, running, false));
                return;
            }
            server.busy = false;
        }

        void finish(Done done, double now) {
            done.server().busy = false;
            for (Job job : done.jobs()) {
                Evaluator.ServedPath path = replay.paths().get(job.path);
                int stages = job.replica.length;
                int steps = job.streams[0].decodeSteps();
                if (job.stage + 1 < stages) {
                    job.stage++;
                    toStage(job, now);
                    continue;
                }
                if (done.prefill()) {
                    job.ttft = now - job.arrival;
                } else {
                    job.tokens++;
                }
                if (job.tokens >= steps) {
                    double end = now + (done.prefill() ? 0.0 : path.transferPerToken());
                    if (job.measured) {
                        ttfts.get(job.path).add(job.ttft);
                        latencies.get(job.path).add(end - job.arrival);
                        measuredOpen--;
                    }
                    continue;
                }
                job.stage = 0;
                if (done.prefill() || path.transferPerToken() <= 1e-12) {
                    Server next = enqueue(job);
                    if (next != done.server()) {
                        next.offer(this, now);
                    }
                } else {
                    schedule(now + path.transferPerToken(), new ToStage(job));
                }
            }
            if (!done.server().busy) {
                startNext(done.server(), now);
            }
        }

        SimulationReport report(Evaluation evaluation, double seconds) {
            List<SimulationReport.ClassResult> classes = new ArrayList<>();
            for (int k = 0; k < replay.paths().size(); k++) {
                RequestClass request = instance.requests().get(replay.paths().get(k).placement().request());
                RequestMetrics predicted = evaluation.requests().get(request.index());
                double q = request.percentile();
                double[] t = sorted(ttfts.get(k));
                double[] l = sorted(latencies.get(k));
                classes.add(new SimulationReport.ClassResult(request.id(), predicted.mode(), q, t.length,
                        predicted.ttft(), mean(t), predicted.ttftPercentile(), quantile(t, q), predicted.latency(),
                        mean(l), predicted.latencyPercentile(), quantile(l, q)));
            }
            return new SimulationReport(instance.name(), duration, classes, iterations, prefillsRun, seconds);
        }
    }

    private record Event(double time, long sequence, Object payload) {
    }

    private record Arrival(int path) {
    }

    private record ToStage(Job job) {
    }

    private record Done(Server server, List<Job> jobs, boolean prefill) {
    }

    private record Kick(Server server) {
    }

    static double[] sorted(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The empirical q-quantile (nearest rank). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
