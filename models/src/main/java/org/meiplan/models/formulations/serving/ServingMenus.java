package org.meiplan.models.formulations.serving;

import java.util.ArrayList;
import java.util.List;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Privacy;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.physics.CacheReach;
import org.meiplan.models.physics.Compute;
import org.meiplan.models.physics.Memory;
import org.meiplan.models.physics.Radio;
import org.meiplan.models.physics.ServingGroups;
import org.meiplan.models.physics.ServingTime;
import org.meiplan.models.physics.ServingTime.Node;
import org.meiplan.models.plan.Mode;

/**
 * The options of every request class for the mode and placement assignment, each timed with
 * {@link ServingGroups#designTerms} (the evaluator's serving model at the class's SLO percentile,
 * with every site and cloud replica at the workload's target utilisation and each device under
 * its own class) at the serving stage's radio grants: every user that
 * uses the radio gets at least an equal share of its site's uplink and downlink bandwidth and
 * power among the users attached to the site, and transmits at its power limit.
 *
 * <p>Per class and per allowed variant (the requested one; for a base variant also any other base
 * variant at or above the class's quality floor): device; edge at the user's site; edge at every
 * directly linked site that reaches the class under {@link CacheReach} (the caching stage's hit rule;
 * the request then crosses the link both ways, timed by {@link ServingTime}); split at the
 * user's site at the layer of least latency whose device part fits the device; cloud. An option is
 * kept when it meets both SLOs at the design point, keeps its device and site at or below the
 * target utilisation on its own, respects privacy (device: device or split; edge: no cloud) and, when
 * {@code cached} is given, uses a site only for a variant the site caches. Sites without GPUs serve
 * nothing. Multi-node pipelines are not on the menu (see {@link PartitionProblem}).
 */
public final class ServingMenus {

    private ServingMenus() {
    }

    /**
     * The menus, one list per request class.
     *
     * @param cached {@code cached[s][v]}, or null when the caching is free (then any variant may be placed)
     */
    public static List<List<ServingOption>> of(Instance instance, boolean[][] cached) {
        int sites = instance.sites().size();
        int[] attached = new int[sites];
        for (User user : instance.users()) {
            attached[user.site()]++;
        }
        CacheReach reachOf = new CacheReach(instance);
        List<List<ServingOption>> menus = new ArrayList<>();
        for (RequestClass request : instance.requests()) {
            User user = instance.users().get(request.user());
            Site site = instance.sites().get(user.site());
            int n = attached[user.site()];
            double gain = instance.topology().gain(user.index(), site.index());
            double n0 = instance.topology().noiseDensity();
            double up = Radio.rate(site.uplinkBandwidth() / n, user.txPower(), gain, n0);
            double down = Radio.rate(site.downlinkBandwidth() / n, site.txPower() / n, gain, n0);
            List<ServingOption> menu = new ArrayList<>();
            for (int v : variantsFor(instance, request)) {
                Variant variant = instance.variants().get(v);
                int layers = instance.catalog().architectureOf(variant).layers();
                Node device = Node.device(user.index());
                Node home = Node.site(site.index());
                add(menu, instance, request, v, Mode.DEVICE, List.of(device), new int[] {0, layers}, -1, up, down);
                boolean siteOk = site.hasGpus() && (cached == null || cached[site.index()][v]);
                if (siteOk && request.privacy() != Privacy.DEVICE) {
                    add(menu, instance, request, v, Mode.EDGE, List.of(home), new int[] {0, layers}, site.index(), up,
                            down);
                }
                if (request.privacy() != Privacy.DEVICE) {
                    // EDGE at a linked neighbour that reaches the class under the caching stage's rule
                    int[] reach = reachOf.sites(request);
                    for (int i = 1; i < reach.length; i++) {
                        Site other = instance.sites().get(reach[i]);
                        if (other.hasGpus() && (cached == null || cached[other.index()][v])) {
                            add(menu, instance, request, v, Mode.EDGE, List.of(Node.site(other.index())),
                                    new int[] {0, layers}, other.index(), up, down);
                        }
                    }
                }
                if (siteOk) {
                    ServingOption best = null;
                    for (int c = 1; c < layers; c++) {
                        ServingOption o = option(instance, request, v, Mode.SPLIT, List.of(device, home),
                                new int[] {0, c, layers}, site.index(), up, down);
                        if (o != null && (best == null || o.latency() < best.latency())) {
                            best = o;
                        }
                    }
                    if (best != null) {
                        menu.add(best);
                    }
                }
                if (request.privacy() == Privacy.ANY) {
                    add(menu, instance, request, v, Mode.CLOUD, List.of(Node.cloud()), new int[] {0, layers}, -1, up,
                            down);
                }
            }
            menus.add(List.copyOf(menu));
        }
        return menus;
    }

    /** The requested variant, and for a base variant every other base variant meeting the quality floor. */
    static List<Integer> variantsFor(Instance instance, RequestClass request) {
        List<Integer> out = new ArrayList<>();
        out.add(request.variant());
        Variant requested = instance.variants().get(request.variant());
        if (!requested.isFineTuned()) {
            for (Variant other : instance.variants()) {
                if (other.index() != request.variant() && !other.isFineTuned()
                        && other.quality() >= request.minQuality()) {
                    out.add(other.index());
                }
            }
        }
        return out;
    }

    private static void add(List<ServingOption> menu, Instance instance, RequestClass request, int v, Mode mode,
            List<Node> nodes, int[] bounds, int site, double up, double down) {
        ServingOption o = option(instance, request, v, mode, nodes, bounds, site, up, down);
        if (o != null) {
            menu.add(o);
        }
    }

    /** The option, or null when it misses an SLO or its device part does not fit the device alone. */
    static ServingOption option(Instance instance, RequestClass request, int v, Mode mode, List<Node> nodes,
            int[] bounds, int site, double up, double down) {
        Variant variant = instance.variants().get(v);
        Architecture arch = instance.catalog().architectureOf(variant);
        double bpp = instance.catalog().precisionOf(variant).bytesPerParam();
        User user = instance.users().get(request.user());
        Profile device = instance.deviceOf(user);
        ServingTime.Terms terms = ServingGroups.designTerms(instance, request, variant, nodes, bounds);
        double ttft = terms.ttft(up, down);
        double latency = terms.latency(up, down);
        if (!(ttft <= request.ttftSlo()) || !(latency <= request.latencySlo())) {
            return null;
        }
        ServingGroups.Placement placement = new ServingGroups.Placement(request.index(), v, nodes, bounds);
        double siteUtilisation = 0.0;
        double deviceUtilisation = 0.0;
        double siteFlops = 0.0;
        double siteKv = 0.0;
        double deviceBytes = 0.0;
        double deviceFlops = 0.0;
        for (int i = 0; i < nodes.size(); i++) {
            double flops = request.rate()
                    * Compute.requestFlops(arch, bounds[i], bounds[i + 1], request.promptTokens(), request.outputTokens());
            double kv = ServingTime.kvCacheBytes(arch, request, latency, bounds[i], bounds[i + 1]);
            if (nodes.get(i).kind() == Node.Kind.SITE) {
                siteFlops += flops;
                siteKv += kv;
                siteUtilisation += ServingGroups.utilisationOf(instance, placement, i);
            } else if (nodes.get(i).kind() == Node.Kind.DEVICE) {
                deviceUtilisation += ServingGroups.utilisationOf(instance, placement, i);
                deviceFlops += flops;
                deviceBytes += Memory.weightBytesForLayers(arch, bpp, bounds[i], bounds[i + 1]) + kv;
            }
        }
        double target = instance.workload().targetUtilisation();
        if (deviceBytes > device.memory() || deviceFlops > device.peakFlops("fp16") * device.efficiency()
                || deviceUtilisation > target || siteUtilisation > target) {
            return null;
        }
        double energy = ServingTime.deviceEnergy(device, terms.deviceCompute(), user.txPower(),
                Radio.transferTime(terms.uplinkBits(), up));
        double server = 0.0;
        if (site >= 0) {
            Site s = instance.sites().get(site);
            server += terms.edgeCompute() * instance.gpuOf(s).powerBusy() * s.gpus();
        }
        if (terms.cloudCompute() > 0.0) {
            Profile cloud = instance.profiles().get(instance.topology().cloud().profile());
            server += terms.cloudCompute() * cloud.powerBusy() * ServingGroups.cloudTensorParallel(instance, variant);
        }
        return new ServingOption(request.index(), mode, v, nodes, bounds, site, ttft, latency, siteFlops, siteKv,
                deviceBytes, deviceFlops, request.rate() * energy, request.rate() * server, siteUtilisation,
                deviceUtilisation, mode == Mode.CLOUD ? ServingGroups.utilisationOf(instance, placement, 0) : 0.0);
    }

    /** The score of an option under an objective (rejection scores 0; MaxLatency is handled by the formulation). */
    public static double score(Instance instance, ServingOption o, ServingObjective objective) {
        RequestClass r = instance.requests().get(o.request());
        return objective.weightOf(ServingObjective.ServedWeight.class) * r.rate() * r.weight()
                + objective.weightOf(ServingObjective.MeanLatency.class) * r.rate() * (r.latencySlo() - o.latency())
                - objective.weightOf(ServingObjective.Energy.class) * o.devicePower()
                - objective.weightOf(ServingObjective.Cost.class) * o.serverPower();
    }
}
