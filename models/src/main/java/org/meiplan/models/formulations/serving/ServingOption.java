package org.meiplan.models.formulations.serving;

import java.util.List;
import org.meiplan.models.physics.ServingTime.Node;
import org.meiplan.models.plan.Mode;

/**
 * One way to serve a request class, with what it costs where (rates already multiplied in):
 * FLOP/s and KV bytes on its site, bytes, FLOP/s and W on the device, W on the servers.
 *
 * @param site the site whose GPUs it uses (EDGE or SPLIT), or -1
 * @param bounds layer bounds of the stages on {@code nodes}
 * @param ttft time to first token at the class's percentile, at the design point
 * @param latency end-to-end latency at the class's percentile, at the design point
 * @param siteUtilisation utilisation it adds to its site's GPU group (prefill plus marginal decode time per second)
 * @param deviceUtilisation utilisation it adds to the user's device
 * @param cloudUtilisation utilisation it would add to one cloud replica of its variant (CLOUD), else 0
 */
public record ServingOption(int request, Mode mode, int variant, List<Node> nodes, int[] bounds, int site,
        double ttft, double latency, double siteFlops, double siteKv, double deviceBytes, double deviceFlops,
        double devicePower, double serverPower, double siteUtilisation, double deviceUtilisation,
        double cloudUtilisation) {
    public ServingOption {
        nodes = List.copyOf(nodes);
        bounds = bounds.clone();
    }

    @Override
    public int[] bounds() {
        return bounds.clone();
    }
}
