package org.meiplan.solvers.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meiplan.models.formulations.serving.AssignmentFormulation;
import org.meiplan.models.formulations.serving.ServingOption;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.math.SolveResult;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * Scalable assignment: options in decreasing score per unit of the scarcest resource they use,
 * each taken when its class is unserved and every capacity of {@link AssignmentFormulation} still
 * holds (blocks made resident on first use). The bound is the LP relaxation of the same program
 * (GLOP, or PDLP above 5M non-zeros), solved only when {@code lpBound} is set. Running time
 * O(O log O + O·B) for O options with B blocks per variant, plus the LP.
 */
public final class GreedyAssignment {

    public Assignment solve(Instance instance, AssignmentFormulation formulation, List<List<ServingOption>> menus,
            boolean freeCaching, boolean lpBound, SolveOptions options) {
        return solve(instance, formulation, menus, freeCaching, lpBound, options, "auto");
    }

    /** As above, the LP bound solved by this backend ({@code auto}, {@code glop}, {@code pdlp}, {@code scip}, {@code ojalgo}). */
    public Assignment solve(Instance instance, AssignmentFormulation formulation, List<List<ServingOption>> menus,
            boolean freeCaching, boolean lpBound, SolveOptions options, String lpSolver) {
        long start = System.nanoTime();
        List<int[]> order = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        int o = 0;
        for (int r = 0; r < menus.size(); r++) {
            for (int k = 0; k < menus.get(r).size(); k++, o++) {
                if (formulation.score(o) > 0.0) {
                    order.add(new int[] {r, k, o});
                }
            }
        }
        double[] density = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            ServingOption opt = menus.get(order.get(i)[0]).get(order.get(i)[1]);
            double use = 0.0;
            if (opt.site() >= 0) {
                Site site = instance.sites().get(opt.site());
                Profile gpu = instance.gpuOf(site);
                use = Math.max(opt.siteUtilisation() / instance.workload().targetUtilisation(),
                        opt.siteKv() / (site.gpus() * gpu.memory()));
            }
            density[i] = formulation.score(order.get(i)[2]) / (1e-6 + use);
        }
        Integer[] idx = new Integer[order.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(density[b], density[a]));
        int sites = instance.sites().size();
        int blocks = instance.catalog().blocks().size();
        boolean[][] held = new boolean[sites][blocks];
        double[] weights = new double[sites];
        double[] kv = new double[sites];
        double[] flops = new double[sites];
        int users = instance.users().size();
        double[] devMem = new double[users];
        double[] devFlops = new double[users];
        double[] devEnergy = new double[users];
        int[] choice = new int[menus.size()];
        Arrays.fill(choice, -1);
        double objective = 0.0;
        double horizon = instance.workload().horizon();
        double target = instance.workload().targetUtilisation();
        double[] cloudLoad = new double[instance.variants().size()];
        double cloudGpus = 0.0;
        for (int i : idx) {
            int r = order.get(i)[0];
            if (choice[r] >= 0) {
                continue;
            }
            ServingOption opt = menus.get(r).get(order.get(i)[1]);
            User user = instance.users().get(instance.requests().get(r).user());
            Profile device = instance.deviceOf(user);
            if (devMem[user.index()] + opt.deviceBytes() > device.memory()
                    || devFlops[user.index()] + opt.deviceUtilisation() > target
                    || devEnergy[user.index()] + horizon * opt.devicePower() > user.energyBudget()) {
                continue;
            }
            double extra = 0.0;
            double cloudAfter = cloudGpus;
            if (opt.mode() == org.meiplan.models.plan.Mode.CLOUD) {
                Variant v = instance.variants().get(opt.variant());
                int tp = org.meiplan.models.physics.ServingGroups.cloudTensorParallel(instance, v);
                double before = cloudLoad[v.index()] > 0.0 ? tp * Math.ceil(cloudLoad[v.index()] / target - 1e-12) : 0.0;
                double after = tp * Math.max(1.0, Math.ceil((cloudLoad[v.index()] + opt.cloudUtilisation()) / target - 1e-12));
                cloudAfter = cloudGpus - before + after;
                if (cloudAfter > instance.topology().cloud().gpus()) {
                    continue;
                }
                cloudLoad[v.index()] += opt.cloudUtilisation();
            }
            cloudGpus = cloudAfter;
            if (opt.site() >= 0) {
                int s = opt.site();
                Site site = instance.sites().get(s);
                Profile gpu = instance.gpuOf(site);
                Variant v = instance.variants().get(opt.variant());
                for (int b = 0; b < v.blockCount(); b++) {
                    extra += held[s][v.block(b)] ? 0.0 : instance.catalog().blocks().get(v.block(b)).bytes();
                }
                if (weights[s] + extra + kv[s] + opt.siteKv() > site.gpus() * gpu.memory()
                        || flops[s] + opt.siteUtilisation() > target
                        || (freeCaching && weights[s] + extra > site.storage())) {
                    continue;
                }
                for (int b = 0; b < v.blockCount(); b++) {
                    held[s][v.block(b)] = true;
                }
                weights[s] += extra;
                kv[s] += opt.siteKv();
                flops[s] += opt.siteUtilisation();
            }
            devMem[user.index()] += opt.deviceBytes();
            devFlops[user.index()] += opt.deviceUtilisation();
            devEnergy[user.index()] += horizon * opt.devicePower();
            choice[r] = order.get(i)[1];
            objective += formulation.score(order.get(i)[2]);
        }
        double bound = Double.NaN;
        String solver = "greedy";
        if (lpBound) {
            SolveOptions relaxed = options.toBuilder().relax(true).build();
            SolveResult lp = lpSolver.equals("auto") ? Solvers.solve(formulation.build(), relaxed)
                    : Solvers.byId(lpSolver).solve(formulation.build().relaxation(), relaxed.toBuilder().relax(false).build());
            if (lp.hasSolution() || Double.isFinite(lp.bound())) {
                bound = Double.isFinite(lp.bound()) ? lp.bound() : lp.objective();
                bound = Math.max(bound, objective);
                solver = "greedy+" + lp.solverId();
            }
        }
        return new Assignment(choice, objective, bound, "FEASIBLE", solver, (System.nanoTime() - start) / 1e9);
    }
}
