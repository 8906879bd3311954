package org.meiplan.models.physics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.Cloud;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Precision;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.physics.ServingTime.Node;

/**
 * The serving groups of a set of placements and the load-dependent compute time of every
 * placement on them, with {@link ServingPerformance} as the model of each group.
 *
 * <p>Groups: each user's device; each site's GPUs (one tensor-parallel group, as the roofline of
 * {@link ServingTime#roof}); in the cloud, replicas per variant of {@link #cloudTensorParallel}
 * GPUs each, as many as keep a replica at or below the workload's target utilisation (and at least
 * one), the rate split evenly between them. When the replicas need more GPUs than the cloud has,
 * each variant keeps its share of the GPUs and the replicas load up.
 *
 * <p>Parameter blocks shared by fine-tuned variants of one base are read once per iteration (batched
 * multi-adapter serving, Sheng et al., "S-LoRA", MLSys 2024): a stream's model key is its base block
 * and layer range.
 */
public final class ServingGroups {

    /** Weights take at most this share of a replica's memory when the cloud picks its TP degree (the rest is KV cache). */
    public static final double CLOUD_WEIGHT_SHARE = 0.8;

    private ServingGroups() {
    }

    /** A class served by a variant on nodes, node i running layers [bounds[i], bounds[i+1]). */
    public record Placement(int request, int variant, List<Node> nodes, int[] bounds) {
        public Placement {
            nodes = List.copyOf(nodes);
            bounds = bounds.clone();
        }

        @Override
        public int[] bounds() {
            return bounds.clone();
        }
    }

    /**
     * One serving group: its id ("device:u1", "site:bs-1", "cloud:l8b-int4"), kind, replicas and
     * GPUs per replica, and its state (per replica in the cloud).
     */
    public record GroupInfo(String id, Node.Kind kind, int replicas, int gpusPerReplica,
            ServingPerformance.Group state) {
        public GroupInfo {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * The compute side of one placement over all its groups, in seconds: the summed prefill wait
     * (mean and the chance of waiting at one group at least), the summed prefill, the mean and standard
     * deviation of the summed decode time, the mean time per node kind (device, edge, cloud), and the
     * largest utilisation among its groups.
     */
    public record PlacementTimes(double waitMean, double waitProbability, double prefill, double decodeMean,
            double decodeSd, double decodeThird, double[] byKind, double utilisation) {
        public PlacementTimes {
            byKind = byKind.clone();
        }

        @Override
        public double[] byKind() {
            return byKind.clone();
        }

        /** Mean compute seconds until the first token. */
        public double ttftMean() {
            return waitMean + prefill;
        }

        /** Mean compute seconds in all. */
        public double totalMean() {
            return waitMean + prefill + decodeMean;
        }
    }

    /** Groups and the times of every placement (in the order given). */
    public record Result(List<GroupInfo> groups, List<PlacementTimes> times, double cloudGpusNeeded) {
        public Result {
            groups = List.copyOf(groups);
            times = List.copyOf(times);
        }
    }

    /** The GPUs of one cloud replica for a variant: the least power of two whose memory holds the weights. */
    public static int cloudTensorParallel(Instance instance, Variant variant) {
        Cloud cloud = instance.topology().cloud();
        Profile gpu = instance.profiles().get(cloud.profile());
        Architecture arch = instance.catalog().architectureOf(variant);
        double weights = Memory.weightBytes(arch, instance.catalog().precisionOf(variant).bytesPerParam());
        int tp = 1;
        while (tp < cloud.gpus() && tp < 8 && weights > CLOUD_WEIGHT_SHARE * tp * gpu.memory()) {
            tp *= 2;
        }
        return Math.min(tp, cloud.gpus());
    }

    /** The roofline of one cloud replica of {@code tp} GPUs. */
    public static Compute.Roof cloudRoof(Instance instance, Precision precision, int tp) {
        Profile gpu = instance.profiles().get(instance.topology().cloud().profile());
        return new Compute.Roof(tp * gpu.peakFlops(precision.compute()) * gpu.efficiency(),
                tp * gpu.memoryBandwidth() * gpu.efficiency());
    }

    /** The stream of one placement's stage i on its node's roof (one replica in the cloud), at the class's rate. */
    public static ServingPerformance.Stream streamOf(Instance instance, Placement p, int i) {
        Node node = p.nodes().get(i);
        int tp = node.kind() == Node.Kind.CLOUD ? cloudTensorParallel(instance, instance.variants().get(p.variant())) : 0;
        return stream(instance, p, i, roofOf(instance, node, p, tp), instance.requests().get(p.request()).rate());
    }

    /** The group id of a placement's node: "device:USER", "site:SITE" or "cloud:VARIANT". */
    public static String groupOf(Instance instance, Placement p, int i) {
        return key(instance, p.nodes().get(i), p);
    }

    /** The stream of one placement's stage i on a roof, at a rate. */
    static ServingPerformance.Stream stream(Instance instance, Placement p, int i, Compute.Roof roof, double rate) {
        RequestClass request = instance.requests().get(p.request());
        Variant variant = instance.variants().get(p.variant());
        Architecture arch = instance.catalog().architectureOf(variant);
        double bpp = instance.catalog().precisionOf(variant).bytesPerParam();
        int first = p.bounds[i];
        int last = p.bounds[i + 1];
        double context = request.promptTokens() + request.outputTokens() / 2.0;
        double prefill = ServingTime.prefillSeconds(arch, bpp, roof, request, first, last);
        double weights = Memory.weightBytesForLayers(arch, bpp, first, last) / roof.memoryBandwidth();
        double kv = context * Memory.kvBytesPerToken(arch, ServingTime.KV_BYTES, first, last) / roof.memoryBandwidth();
        double compute = Compute.flopsPerToken(arch, first, last, context) / roof.flops();
        String model = variant.block(0) + "[" + first + "," + last + ")";
        return new ServingPerformance.Stream(rate, prefill, request.outputTokens() - 1, model, weights, kv, compute,
                p.nodes().size() > 1);
    }

    private static String key(Instance instance, Node node, Placement p) {
        return switch (node.kind()) {
            case DEVICE -> "device:" + instance.users().get(node.index()).id();
            case SITE -> "site:" + instance.sites().get(node.index()).id();
            case CLOUD -> "cloud:" + instance.variants().get(p.variant()).id();
        };
    }

    private static Compute.Roof roofOf(Instance instance, Node node, Placement p, int tp) {
        Variant variant = instance.variants().get(p.variant());
        Precision precision = instance.catalog().precisionOf(variant);
        return node.kind() == Node.Kind.CLOUD ? cloudRoof(instance, precision, tp)
                : ServingTime.roof(instance, node, precision);
    }

    /** The groups of these placements and every placement's times. */
    public static Result of(Instance instance, List<Placement> placements) {
        Map<String, List<int[]>> members = new LinkedHashMap<>(); // group -> (placement, stage)
        Map<String, Node> nodeOf = new LinkedHashMap<>();
        Map<String, Integer> tpOf = new LinkedHashMap<>();
        for (int k = 0; k < placements.size(); k++) {
            Placement p = placements.get(k);
            for (int i = 0; i < p.nodes().size(); i++) {
                Node node = p.nodes().get(i);
                String key = key(instance, node, p);
                members.computeIfAbsent(key, x -> new ArrayList<>()).add(new int[] {k, i});
                nodeOf.putIfAbsent(key, node);
                if (node.kind() == Node.Kind.CLOUD) {
                    tpOf.putIfAbsent(key, cloudTensorParallel(instance, instance.variants().get(p.variant())));
                }
            }
        }
        // cloud replicas: enough to keep each at the target utilisation, within the cloud's GPUs
        double target = instance.workload().targetUtilisation();
        Map<String, Integer> replicas = new LinkedHashMap<>();
        double needed = 0.0;
        for (Map.Entry<String, List<int[]>> e : members.entrySet()) {
            if (nodeOf.get(e.getKey()).kind() != Node.Kind.CLOUD) {
                continue;
            }
            int tp = tpOf.get(e.getKey());
            List<ServingPerformance.Stream> streams = new ArrayList<>();
            for (int[] m : e.getValue()) {
                Placement p = placements.get(m[0]);
                Compute.Roof roof = roofOf(instance, p.nodes().get(m[1]), p, tp);
                streams.add(stream(instance, p, m[1], roof, instance.requests().get(p.request()).rate()));
            }
            int count = Math.max(1, (int) Math.ceil(ServingPerformance.utilisation(streams) / target - 1e-12));
            replicas.put(e.getKey(), count);
            needed += (double) count * tp;
        }
        int cloudGpus = instance.topology().cloud().gpus();
        if (needed > cloudGpus) {
            for (Map.Entry<String, Integer> e : replicas.entrySet()) {
                int tp = tpOf.get(e.getKey());
                double share = e.getValue() * tp * cloudGpus / needed;
                e.setValue(Math.max(1, (int) Math.floor(share / tp)));
            }
        }
        List<GroupInfo> groups = new ArrayList<>();
        double[] wait = new double[placements.size()];
        double[] noWait = new double[placements.size()];
        double[] prefill = new double[placements.size()];
        double[] decode = new double[placements.size()];
        double[] variance = new double[placements.size()];
        double[] third = new double[placements.size()];
        double[][] byKind = new double[placements.size()][3];
        double[] rho = new double[placements.size()];
        java.util.Arrays.fill(noWait, 1.0);
        for (Map.Entry<String, List<int[]>> e : members.entrySet()) {
            Node node = nodeOf.get(e.getKey());
            int tp = node.kind() == Node.Kind.CLOUD ? tpOf.get(e.getKey()) : 0;
            int count = node.kind() == Node.Kind.CLOUD ? replicas.get(e.getKey()) : 1;
            List<ServingPerformance.Stream> streams = new ArrayList<>();
            for (int[] m : e.getValue()) {
                Placement p = placements.get(m[0]);
                Compute.Roof roof = roofOf(instance, p.nodes().get(m[1]), p, tp);
                streams.add(stream(instance, p, m[1], roof, instance.requests().get(p.request()).rate() / count));
            }
            ServingPerformance.Group state = ServingPerformance.of(streams);
            int gpus = switch (node.kind()) {
                case DEVICE -> 1;
                case SITE -> instance.sites().get(node.index()).gpus();
                case CLOUD -> tp;
            };
            groups.add(new GroupInfo(e.getKey(), node.kind(), count, gpus, state));
            for (int j = 0; j < e.getValue().size(); j++) {
                int k = e.getValue().get(j)[0];
                ServingPerformance.StreamTimes t = state.times().get(j);
                wait[k] += t.waitMean();
                noWait[k] *= 1.0 - t.waitProbability();
                prefill[k] += t.prefill();
                decode[k] += t.decodeMean();
                variance[k] += t.decodeSd() * t.decodeSd();
                third[k] += t.decodeThird();
                byKind[k][node.kind().ordinal()] += t.totalMean();
                rho[k] = Math.max(rho[k], state.utilisation());
            }
        }
        List<PlacementTimes> times = new ArrayList<>();
        for (int k = 0; k < placements.size(); k++) {
            times.add(new PlacementTimes(wait[k], 1.0 - noWait[k], prefill[k], decode[k], Math.sqrt(variance[k]),
                    third[k], byKind[k], rho[k]));
        }
        return new Result(groups, times, needed);
    }

    /**
     * The times of one placement at the planning design point: its device stages at the class's
     * own rate, its site and cloud stages as if the group ran at the target utilisation with
     * traffic like this class's (a planner that keeps every group at or below the target sees
     * no worse). Used by the optimizers' menus.
     */
    public static PlacementTimes designPoint(Instance instance, Placement p) {
        RequestClass request = instance.requests().get(p.request());
        double target = instance.workload().targetUtilisation();
        double wait = 0.0;
        double noWait = 1.0;
        double prefill = 0.0;
        double decode = 0.0;
        double variance = 0.0;
        double third = 0.0;
        double rho = 0.0;
        double[] byKind = new double[3];
        for (int i = 0; i < p.nodes().size(); i++) {
            Node node = p.nodes().get(i);
            int tp = node.kind() == Node.Kind.CLOUD
                    ? cloudTensorParallel(instance, instance.variants().get(p.variant())) : 0;
            Compute.Roof roof = roofOf(instance, node, p, tp);
            ServingPerformance.Stream own = stream(instance, p, i, roof, request.rate());
            ServingPerformance.Stream at = own;
            if (node.kind() != Node.Kind.DEVICE) {
                double perUnit = ServingPerformance.utilisation(List.of(own.atRate(1.0)));
                double ownRho = perUnit * request.rate();
                double scaled = node.kind() == Node.Kind.CLOUD ? target : Math.max(target, ownRho);
                at = own.atRate(perUnit > 0.0 ? scaled / perUnit : request.rate());
            }
            ServingPerformance.Group state = ServingPerformance.of(List.of(at));
            ServingPerformance.StreamTimes t = state.times().get(0);
            wait += t.waitMean();
            noWait *= 1.0 - t.waitProbability();
            prefill += t.prefill();
            decode += t.decodeMean();
            variance += t.decodeSd() * t.decodeSd();
            third += t.decodeThird();
            byKind[node.kind().ordinal()] += t.totalMean();
            rho = Math.max(rho, state.utilisation());
        }
        return new PlacementTimes(wait, 1.0 - noWait, prefill, decode, Math.sqrt(variance), third, byKind, rho);
    }

    /** The utilisation one placement's stage i adds to its group (a site or a device), at the class's rate. */
    public static double utilisationOf(Instance instance, Placement p, int i) {
        Node node = p.nodes().get(i);
        int tp = node.kind() == Node.Kind.CLOUD ? cloudTensorParallel(instance, instance.variants().get(p.variant())) : 0;
        Compute.Roof roof = roofOf(instance, node, p, tp);
        return ServingPerformance.utilisation(List.of(stream(instance, p, i, roof,
                instance.requests().get(p.request()).rate())));
    }

    /**
     * The terms of {@link ServingTime#of} with the compute replaced by the design point of
     * {@link #designPoint} at the class's percentile: {@code prefill} is the percentile compute part
     * of the time to first token, the per-kind compute the percentile compute part of the whole
     * request (split in proportion to the mean per kind). Radio and backhaul are deterministic, so
     * an allocator that inverts {@code fixed + bits/rate} against an SLO works at the percentile.
     */
    public static ServingTime.Terms designTerms(Instance instance, RequestClass request, Variant variant,
            List<Node> nodes, int[] bounds) {
        ServingTime.Terms terms = ServingTime.of(instance, request, variant, nodes, bounds);
        PlacementTimes t = designPoint(instance, new Placement(request.index(), variant.index(), nodes, bounds));
        return withCompute(terms, t, request.percentile());
    }

    /**
     * The terms of {@link ServingTime#of} for every placement with the compute replaced by its
     * percentile under the load of all of them (as the evaluator times it): radio allocators that
     * invert these terms work on exactly the evaluator's percentile latencies, since the radio does
     * not change the compute side.
     */
    public static List<ServingTime.Terms> loadedTerms(Instance instance, List<Placement> placements) {
        Result result = of(instance, placements);
        List<ServingTime.Terms> out = new ArrayList<>();
        for (int k = 0; k < placements.size(); k++) {
            Placement p = placements.get(k);
            RequestClass request = instance.requests().get(p.request());
            ServingTime.Terms terms = ServingTime.of(instance, request, instance.variants().get(p.variant()),
                    p.nodes(), p.bounds());
            out.add(withCompute(terms, result.times().get(k), request.percentile()));
        }
        return out;
    }

    private static ServingTime.Terms withCompute(ServingTime.Terms terms, PlacementTimes t, double q) {
        double ttftCompute = quantile(q, 0.0, t, false);
        double total = quantile(q, 0.0, t, true);
        double[] kind = t.byKind();
        double sum = kind[0] + kind[1] + kind[2];
        double scale = sum > 0.0 ? total / sum : 0.0;
        return new ServingTime.Terms(kind[0] * scale, kind[1] * scale, kind[2] * scale, ttftCompute,
                terms.backhaulTtft(), terms.backhaul(), terms.uplinkBitsTtft(), terms.downlinkBitsTtft(),
                terms.uplinkBits(), terms.downlinkBits());
    }

    /**
     * The q-quantile of a time made of {@code fixed} seconds (radio, backhaul) and the compute side
     * of a placement: its prefill wait, prefill and, when {@code withDecode}, its decode.
     */
    public static double quantile(double q, double fixed, PlacementTimes t, boolean withDecode) {
        double mean = fixed + t.waitMean() + t.prefill() + (withDecode ? t.decodeMean() : 0.0);
        return Percentiles.quantile(q, mean, withDecode ? t.decodeSd() : 0.0, withDecode ? t.decodeThird() : 0.0,
                t.waitProbability(), t.waitMean());
    }
}
