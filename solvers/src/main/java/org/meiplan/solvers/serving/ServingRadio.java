package org.meiplan.solvers.serving;

import java.util.ArrayList;
import java.util.List;
import org.meiplan.models.formulations.serving.ServingOption;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.User;
import org.meiplan.models.physics.Radio;
import org.meiplan.models.physics.ServingTime;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.RadioGrant;

/**
 * The radio of every cell once the serving paths are fixed: per site, {@link BisectionMinMaxSloRatio} over the
 * site's radio users, started from the equal share.
 *
 * <p>The rule: minimise the largest ratio of latency to SLO (time to first token and end to end, every served
 * class of the cell), subject to
 * <ul>
 *   <li>each class's end-to-end latency at most the latency its option was timed with in the menus — the KV cache
 *       the assignment counted (Little's law) is then an upper bound, so GPU and device memory still fit;</li>
 *   <li>each class's time to first token at most its SLO;</li>
 *   <li>a user with a finite energy budget keeps at least the uplink band at which its device energy over the
 *       horizon (compute of all its served classes plus transmit power × uplink airtime) stays within the budget
 *       ({@link #energyFloor}).</li>
 * </ul>
 * The equal share meets all of these, so the optimum's ratio is at most the equal share's, and no served class
 * that met its SLOs under the equal share misses one.
 */
final class ServingRadio {

    private ServingRadio() {
    }

    /** Grants of the cells and the certificate over all cells (the largest ratio is the largest per cell). */
    record Outcome(List<RadioGrant> grants, double startRatio, double ratio, double bound, int blocks, int cells,
            double meanCellStartRatio, double meanCellRatio) {
        double gap() {
            return ratio > 0.0 ? Math.max(0.0, ratio - bound) / ratio : 0.0;
        }
    }

    /**
     * The least uplink band that keeps the user's device energy within its budget over the horizon:
     * {@code horizon·Σ_k rate_k·(busy·compute_k + p·U_k/rUp) ≤ budget}, i.e. a least uplink rate; 0 without a budget.
     * Should the budget leave no room (it cannot: the equal share fits), the equal share {@code share}.
     */
    static double energyFloor(Instance instance, User user, double computePower, double airBits, double gain,
            double share) {
        if (!Double.isFinite(user.energyBudget()) || airBits == 0.0) {
            return 0.0;
        }
        // 1e-9 of the budget kept back for round-off
        double room = user.energyBudget() * (1 - 1e-9) / instance.workload().horizon() - computePower;
        if (!(room > 0.0)) {
            return share;
        }
        double rate = user.txPower() * airBits / room;
        double band = Radio.bandwidthForRate(rate, user.txPower(), gain, instance.topology().noiseDensity());
        return Math.min(band, share);
    }

    static Outcome optimize(Instance instance, List<List<ServingOption>> menus, int[] choice) {
        int siteCount = instance.sites().size();
        boolean[] radio = new boolean[instance.users().size()];
        for (RequestClass request : instance.requests()) {
            int k = choice[request.index()];
            if (k >= 0 && menus.get(request.index()).get(k).mode() != Mode.DEVICE) {
                radio[request.user()] = true;
            }
        }
        // every chosen path timed under the load of all of them, at each class's percentile (the evaluator's view)
        List<org.meiplan.models.physics.ServingGroups.Placement> placements = new ArrayList<>();
        int[] slot = new int[instance.requests().size()];
        for (RequestClass request : instance.requests()) {
            int k = choice[request.index()];
            slot[request.index()] = -1;
            if (k >= 0) {
                ServingOption o = menus.get(request.index()).get(k);
                slot[request.index()] = placements.size();
                placements.add(new org.meiplan.models.physics.ServingGroups.Placement(request.index(), o.variant(),
                        o.nodes(), o.bounds()));
            }
        }
        List<ServingTime.Terms> loaded = org.meiplan.models.physics.ServingGroups.loadedTerms(instance, placements);
        // per user: W of device compute and bit/s over the uplink, over all its served classes
        double[] computePower = new double[instance.users().size()];
        double[] airBits = new double[instance.users().size()];
        for (RequestClass request : instance.requests()) {
            int k = choice[request.index()];
            if (k < 0) {
                continue;
            }
            ServingOption o = menus.get(request.index()).get(k);
            ServingTime.Terms t = ServingTime.of(instance, request, instance.variants().get(o.variant()), o.nodes(),
                    o.bounds());
            User user = instance.users().get(request.user());
            computePower[user.index()] += request.rate() * instance.deviceOf(user).powerBusy() * t.deviceCompute();
            airBits[user.index()] += request.rate() * t.uplinkBits();
        }
        List<List<User>> cellUsers = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            cellUsers.add(new ArrayList<>());
        }
        for (User user : instance.users()) {
            if (radio[user.index()]) {
                cellUsers.get(user.site()).add(user);
            }
        }
        List<List<Integer>> cellRequests = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            cellRequests.add(new ArrayList<>());
        }
        for (RequestClass request : instance.requests()) {
            int k = choice[request.index()];
            if (k >= 0 && menus.get(request.index()).get(k).mode() != Mode.DEVICE) {
                cellRequests.get(instance.users().get(request.user()).site()).add(request.index());
            }
        }
        double n0 = instance.topology().noiseDensity();
        List<RadioGrant> grants = new ArrayList<>();
        double start = 0.0;
        double ratio = 0.0;
        double bound = 0.0;
        int blocks = 0;
        int cells = 0;
        double sumStart = 0.0;
        double sumRatio = 0.0;
        BisectionMinMaxSloRatio allocator = new BisectionMinMaxSloRatio();
        for (Site site : instance.sites()) {
            List<User> users = cellUsers.get(site.index());
            int n = users.size();
            if (n == 0) {
                continue;
            }
            int[] local = new int[instance.users().size()];
            double[] gain = new double[n];
            double[] power = new double[n];
            double[] floor = new double[n];
            double[] up = new double[n];
            double[] down = new double[n];
            for (int i = 0; i < n; i++) {
                User user = users.get(i);
                local[user.index()] = i;
                gain[i] = instance.topology().gain(user.index(), site.index());
                power[i] = user.txPower();
                floor[i] = energyFloor(instance, user, computePower[user.index()], airBits[user.index()], gain[i],
                        site.uplinkBandwidth() / n);
                up[i] = site.uplinkBandwidth() / n;
                down[i] = site.downlinkBandwidth() / n;
            }
            List<BisectionMinMaxSloRatio.Demand> demands = new ArrayList<>();
            for (int r : cellRequests.get(site.index())) {
                RequestClass request = instance.requests().get(r);
                ServingOption o = menus.get(r).get(choice[r]);
                ServingTime.Terms t = loaded.get(slot[r]);
                int u = local[request.user()];
                double noise = instance.topology().noiseDensity();
                double equal = t.latency(Radio.rate(up[u], power[u], gain[u], noise),
                        Radio.rate(down[u], site.txPower() / n, gain[u], noise));
                demands.add(new BisectionMinMaxSloRatio.Demand(u, t.fixedTtft(), t.uplinkBitsTtft(),
                        t.downlinkBitsTtft(), request.ttftSlo(), request.ttftSlo()));
                demands.add(new BisectionMinMaxSloRatio.Demand(u, t.fixed(), t.uplinkBits(), t.downlinkBits(),
                        request.latencySlo(), equal));
            }
            BisectionMinMaxSloRatio.Cell cell = new BisectionMinMaxSloRatio.Cell(site.uplinkBandwidth(),
                    site.downlinkBandwidth(), site.txPower(), n0, gain, power, floor, demands);
            BisectionMinMaxSloRatio.Result result = allocator.solve(cell, up, down);
            for (int i = 0; i < n; i++) {
                grants.add(new RadioGrant(users.get(i).id(), result.uplinkBandwidth()[i], power[i],
                        result.downlinkBandwidth()[i], result.downlinkPower()[i]));
            }
            start = Math.max(start, result.startRatio());
            ratio = Math.max(ratio, result.ratio());
            bound = Math.max(bound, result.bound());
            blocks += result.blocks();
            cells++;
            sumStart += result.startRatio();
            sumRatio += result.ratio();
        }
        return new Outcome(grants, start, ratio, bound, blocks, cells, cells == 0 ? 0.0 : sumStart / cells,
                cells == 0 ? 0.0 : sumRatio / cells);
    }
}
