package org.meiplan.models.physics;

import java.util.List;
import java.util.Objects;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Link;
import org.meiplan.models.instance.Precision;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;

/**
 * The time one request spends along a serving path, written as fixed seconds (compute and
 * backhaul) plus bits over the user's radio link, so that the evaluator and the optimizers
 * compute it in one place: the evaluator plugs in the rates of the user's grant, an allocator
 * inverts {@code bits / rate} to find the bandwidth a deadline needs.
 *
 * <p>The model (the evaluator's, see {@code org.meiplan.models.eval.Evaluator}):
 * {@code ttft = input hop + Σ prefill + Σ stage hops of the prompt's hidden states + delivery
 * of the first token}; each of the {@code output − 1} further tokens costs a decode step through
 * every stage, the hidden state of one token between stages, and the sampled token back to the
 * first stage. A hop device→node goes up the radio to the user's site and on from there; a hop
 * node→device goes to the user's site and down the radio; site↔cloud uses the site's backhaul;
 * site↔site a direct link if any, else both backhauls through the cloud. Compute is the roofline
 * of {@link Compute} on the node's sustained FLOP/s and memory bandwidth.
 */
public final class ServingTime {

    /** Most GPUs the cloud puts on one request (one 8-GPU node). */
    public static final int CLOUD_GPUS_PER_REQUEST = 8;

    /** Bytes per element of the KV cache (16-bit). */
    public static final double KV_BYTES = 2.0;

    private ServingTime() {
    }

    /** A node of the network as a serving stage sees it: a user's device, a site (by index) or the cloud. */
    public record Node(Kind kind, int index) {
        /** Node kinds, in the order of the compute breakdown (device, edge, cloud). */
        public enum Kind { DEVICE, SITE, CLOUD }

        public Node {
            Objects.requireNonNull(kind, "kind");
        }

        public static Node device(int user) {
            return new Node(Kind.DEVICE, user);
        }

        public static Node site(int site) {
            return new Node(Kind.SITE, site);
        }

        public static Node cloud() {
            return new Node(Kind.CLOUD, 0);
        }
    }

    /**
     * The latency of one request along a path, split by where it is spent.
     *
     * @param deviceCompute seconds of compute per request (prefill and every decode step) on the device
     * @param edgeCompute seconds of compute per request on edge sites
     * @param cloudCompute seconds of compute per request in the cloud
     * @param prefill seconds of prefill over all stages (the compute part of the time to first token)
     * @param backhaulTtft seconds on backhaul and site links before the first token
     * @param backhaul seconds on backhaul and site links per request in all
     * @param uplinkBitsTtft bits the user sends up the radio before the first token
     * @param downlinkBitsTtft bits sent down the radio before the first token
     * @param uplinkBits bits up the radio per request in all
     * @param downlinkBits bits down the radio per request in all
     */
    public record Terms(double deviceCompute, double edgeCompute, double cloudCompute, double prefill,
            double backhaulTtft, double backhaul, double uplinkBitsTtft, double downlinkBitsTtft, double uplinkBits,
            double downlinkBits) {

        /** Seconds that do not depend on the radio, for the whole request. */
        public double fixed() {
            return deviceCompute + edgeCompute + cloudCompute + backhaul;
        }

        /** Seconds that do not depend on the radio, before the first token. */
        public double fixedTtft() {
            return prefill + backhaulTtft;
        }

        /** Time to first token at these radio rates (bit/s). */
        public double ttft(double uplinkRate, double downlinkRate) {
            return fixedTtft() + Radio.transferTime(uplinkBitsTtft, uplinkRate)
                    + Radio.transferTime(downlinkBitsTtft, downlinkRate);
        }

        /** End-to-end latency at these radio rates (bit/s). */
        public double latency(double uplinkRate, double downlinkRate) {
            return fixed() + Radio.transferTime(uplinkBits, uplinkRate) + Radio.transferTime(downlinkBits, downlinkRate);
        }

        /** Whether the path uses the radio at all. */
        public boolean usesRadio() {
            return uplinkBits > 0.0 || downlinkBits > 0.0;
        }
    }

    /** The roofline of a node at a precision: its sustained FLOP/s and memory bandwidth (a site's GPUs as one group). */
    public static Compute.Roof roof(Instance instance, Node node, Precision precision) {
        Profile profile;
        int count;
        switch (node.kind()) {
            case DEVICE -> {
                profile = instance.deviceOf(instance.users().get(node.index()));
                count = 1;
            }
            case SITE -> {
                Site site = instance.sites().get(node.index());
                profile = instance.gpuOf(site);
                count = site.gpus();
            }
            default -> {
                profile = instance.profiles().get(instance.topology().cloud().profile());
                count = Math.min(CLOUD_GPUS_PER_REQUEST, instance.topology().cloud().gpus());
            }
        }
        return new Compute.Roof(count * profile.peakFlops(precision.compute()) * profile.efficiency(),
                count * profile.memoryBandwidth() * profile.efficiency());
    }

    /**
     * The terms of a request served by {@code variant} on {@code nodes}, node i running layers
     * {@code [bounds[i], bounds[i+1])}; {@code bounds} has one entry more than {@code nodes},
     * starts at 0 and ends at the variant's layer count. The nodes must be valid (a site with GPUs).
     */
    public static Terms of(Instance instance, RequestClass request, Variant variant, List<Node> nodes, int[] bounds) {
        if (nodes.isEmpty() || bounds.length != nodes.size() + 1) {
            throw new IllegalArgumentException("a path needs at least one node and one bound more than nodes");
        }
        Architecture arch = instance.catalog().architectureOf(variant);
        Precision precision = instance.catalog().precisionOf(variant);
        User user = instance.users().get(request.user());
        double bpp = precision.bytesPerParam();
        double tokenBytes = instance.workload().bytesPerToken();
        double promptActivation = Memory.activationBytes(arch, request.promptTokens(), instance.workload().activationBytes());
        double tokenActivation = Memory.activationBytes(arch, 1, instance.workload().activationBytes());
        Node device = Node.device(user.index());
        Hops ttft = new Hops(instance, user);
        Hops step = new Hops(instance, user);
        double[] prefillByKind = new double[3];
        double[] stepByKind = new double[3];
        ttft.add(device, nodes.get(0), request.promptTokens() * tokenBytes);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            Compute.Roof roof = roof(instance, node, precision);
            prefillByKind[node.kind().ordinal()] += prefillSeconds(arch, bpp, roof, request, bounds[i], bounds[i + 1]);
            stepByKind[node.kind().ordinal()] += stepSeconds(arch, bpp, roof, request, bounds[i], bounds[i + 1]);
            if (i > 0) {
                ttft.add(nodes.get(i - 1), node, promptActivation);
                step.add(nodes.get(i - 1), node, tokenActivation);
            }
        }
        Node last = nodes.get(nodes.size() - 1);
        ttft.add(last, device, tokenBytes);
        step.add(last, nodes.get(0), tokenBytes);
        int steps = request.outputTokens() - 1;
        double prefill = prefillByKind[0] + prefillByKind[1] + prefillByKind[2];
        return new Terms(prefillByKind[0] + steps * stepByKind[0], prefillByKind[1] + steps * stepByKind[1],
                prefillByKind[2] + steps * stepByKind[2], prefill, ttft.backhaul, ttft.backhaul + steps * step.backhaul,
                ttft.up, ttft.down, ttft.up + steps * step.up, ttft.down + steps * step.down);
    }

    /** Prefill seconds of the request's prompt through layers [first, last) on a roof. */
    public static double prefillSeconds(Architecture arch, double bytesPerParam, Compute.Roof roof,
            RequestClass request, int first, int last) {
        return Compute.prefillTime(arch, bytesPerParam, roof, first, last, request.promptTokens());
    }

    /** Seconds of one decode step through layers [first, last), at the mean context {@code prompt + output/2}. */
    public static double stepSeconds(Architecture arch, double bytesPerParam, Compute.Roof roof,
            RequestClass request, int first, int last) {
        double context = request.promptTokens() + request.outputTokens() / 2.0;
        return Compute.decodeStepTime(arch, bytesPerParam, KV_BYTES, roof, first, last, context);
    }

    /** Compute seconds of a whole request through layers [first, last): prefill plus {@code output − 1} steps. */
    public static double computeSeconds(Architecture arch, double bytesPerParam, Compute.Roof roof,
            RequestClass request, int first, int last) {
        return prefillSeconds(arch, bytesPerParam, roof, request, first, last)
                + (request.outputTokens() - 1) * stepSeconds(arch, bytesPerParam, roof, request, first, last);
    }

    /**
     * Seconds to move {@code bytes} between two nodes that are not the device (backhaul and
     * links only), as in a hop of {@link #of}; 0 for the same node.
     */
    public static double wiredHopSeconds(Instance instance, User user, Node a, Node b, double bytes) {
        if (a.kind() == Node.Kind.DEVICE || b.kind() == Node.Kind.DEVICE) {
            throw new IllegalArgumentException("a wired hop joins sites and the cloud, not a device");
        }
        Hops hops = new Hops(instance, user);
        hops.add(a, b, bytes);
        return hops.backhaul;
    }

    /**
     * KV-cache bytes a node holds for one request class by Little's law: {@code rate × latency}
     * requests in flight, each with {@code prompt + output} tokens of layers {@code [first, last)}.
     */
    public static double kvCacheBytes(Architecture arch, RequestClass request, double latency, int first, int last) {
        return request.rate() * latency * (request.promptTokens() + request.outputTokens())
                * Memory.kvBytesPerToken(arch, KV_BYTES, first, last);
    }

    /** J a device spends per request: busy power over its compute time, plus its uplink power over its airtime. */
    public static double deviceEnergy(Profile device, double deviceComputeSeconds, double uplinkPower,
            double uplinkSeconds) {
        return Energy.compute(device.powerBusy(), deviceComputeSeconds) + Energy.transmit(uplinkPower, uplinkSeconds);
    }

    /** Accumulates hops: bits over the user's radio each way, seconds on backhaul and links. */
    private static final class Hops {
        final Instance instance;
        final User user;
        double up;
        double down;
        double backhaul;

        Hops(Instance instance, User user) {
            this.instance = instance;
            this.user = user;
        }

        void add(Node a, Node b, double bytes) {
            if (a.equals(b) || bytes <= 0.0) {
                return;
            }
            double bits = 8.0 * bytes;
            Node home = Node.site(user.site());
            if (a.kind() == Node.Kind.DEVICE) {
                up += bits;
                add(home, b, bytes);
                return;
            }
            if (b.kind() == Node.Kind.DEVICE) {
                add(a, home, bytes);
                down += bits;
                return;
            }
            if (a.kind() == Node.Kind.CLOUD || b.kind() == Node.Kind.CLOUD) {
                Site site = instance.sites().get(a.kind() == Node.Kind.CLOUD ? b.index() : a.index());
                backhaul += site.backhaulLatency() + bits / site.backhaulRate();
                return;
            }
            Link direct = instance.topology().link(a.index(), b.index());
            if (direct != null) {
                backhaul += direct.latency() + bits / direct.rate();
            } else {
                Site sa = instance.sites().get(a.index());
                Site sb = instance.sites().get(b.index());
                backhaul += sa.backhaulLatency() + sb.backhaulLatency()
                        + bits / Math.min(sa.backhaulRate(), sb.backhaulRate());
            }
        }
    }
}
