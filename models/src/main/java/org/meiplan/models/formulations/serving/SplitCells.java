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
import org.meiplan.models.physics.Memory;
import org.meiplan.models.physics.Radio;
import org.meiplan.models.physics.ServingTime;
import org.meiplan.models.physics.ServingTime.Node;

/**
 * Builds {@link SplitCell}s from an instance with {@link ServingTime}, the evaluator's latency
 * model: layer c of request class r is the plan {@code edge at the user's site} (c = 0),
 * {@code split [0,c) on the device, [c,L) at the site} (0 &lt; c &lt; L) or {@code device} (c = L),
 * with the requested variant.
 *
 * <p>Forbidden layers get {@code seconds = +∞}: c = 0 when the prompt may not leave the device,
 * every c &lt; L when the site has no GPUs, c whose device layers {@code [0,c)} do not fit in the
 * device's memory, c whose site layers do not fit in the site's GPU memory (weights only; the KV
 * cache is left to the assignment, which knows the concurrency).
 *
 * <p>The downlink carries only the output tokens; it gets a fixed rate (e.g.
 * {@link #equalShareDownlinkRate}) folded into {@code seconds}, so that the uplink bandwidth is
 * the one resource the split algorithms share out.
 */
public final class SplitCells {

    private SplitCells() {
    }

    /** The cell of site s: one split user per request class of the users attached to s. */
    public static SplitCell of(Instance instance, int s, Horizon horizon) {
        Site site = instance.sites().get(s);
        List<SplitUser> users = new ArrayList<>();
        int attached = usersAt(instance, s);
        for (RequestClass request : instance.requests()) {
            User user = instance.users().get(request.user());
            if (user.site() == s) {
                users.add(user(instance, request, horizon, equalShareDownlinkRate(instance, user, attached)));
            }
        }
        return new SplitCell(site.id(), site.uplinkBandwidth(), instance.topology().noiseDensity(), users);
    }

    /**
     * The split menu of one request class at its user's site; {@code downlinkRate} (bit/s; +∞
     * to ignore the downlink) prices the bits sent down.
     */
    public static SplitUser user(Instance instance, RequestClass request, Horizon horizon, double downlinkRate) {
        User user = instance.users().get(request.user());
        Site site = instance.sites().get(user.site());
        Variant variant = instance.variants().get(request.variant());
        Architecture arch = instance.catalog().architectureOf(variant);
        double bpp = instance.catalog().precisionOf(variant).bytesPerParam();
        Profile device = instance.deviceOf(user);
        double siteMemory = site.hasGpus() ? site.gpus() * instance.gpuOf(site).memory() : 0.0;
        int layers = arch.layers();
        double[] seconds = new double[layers + 1];
        double[] bits = new double[layers + 1];
        for (int c = 0; c <= layers; c++) {
            boolean allowed = (c > 0 || request.privacy() != Privacy.DEVICE)
                    && (c == layers || site.hasGpus())
                    && Memory.weightBytesForLayers(arch, bpp, 0, c) <= device.memory()
                    && Memory.weightBytesForLayers(arch, bpp, c, layers) <= siteMemory;
            if (!allowed) {
                seconds[c] = Double.POSITIVE_INFINITY;
                continue;
            }
            ServingTime.Terms terms = ServingTime.of(instance, request, variant, path(user, site, c, layers),
                    c == 0 || c == layers ? new int[] {0, layers} : new int[] {0, c, layers});
            if (horizon == Horizon.TTFT) {
                seconds[c] = terms.fixedTtft() + Radio.transferTime(terms.downlinkBitsTtft(), downlinkRate);
                bits[c] = terms.uplinkBitsTtft();
            } else {
                seconds[c] = terms.fixed() + Radio.transferTime(terms.downlinkBits(), downlinkRate);
                bits[c] = terms.uplinkBits();
            }
        }
        return new SplitUser(request.id(), user.txPower(), instance.topology().gain(user.index(), site.index()),
                request.weight() * request.rate(), seconds, bits);
    }

    /** The nodes of layer c: the site alone, the device then the site, or the device alone. */
    static List<Node> path(User user, Site site, int c, int layers) {
        if (c == 0) {
            return List.of(Node.site(site.index()));
        }
        if (c == layers) {
            return List.of(Node.device(user.index()));
        }
        return List.of(Node.device(user.index()), Node.site(site.index()));
    }

    /**
     * The downlink rate of a user when its site splits its downlink bandwidth and power equally
     * among all users attached to it (bit/s): the static downlink share the serving stage grants.
     */
    public static double equalShareDownlinkRate(Instance instance, User user) {
        return equalShareDownlinkRate(instance, user, usersAt(instance, user.site()));
    }

    /** {@link #equalShareDownlinkRate(Instance, User)} when the number n of users at the site is known. */
    public static double equalShareDownlinkRate(Instance instance, User user, int n) {
        Site site = instance.sites().get(user.site());
        return Radio.rate(site.downlinkBandwidth() / n, site.txPower() / n,
                instance.topology().gain(user.index(), site.index()), instance.topology().noiseDensity());
    }

    /** The number of users attached to site s. */
    public static int usersAt(Instance instance, int s) {
        int n = 0;
        for (User user : instance.users()) {
            n += user.site() == s ? 1 : 0;
        }
        return n;
    }
}
