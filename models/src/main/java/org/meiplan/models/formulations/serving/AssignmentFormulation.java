package org.meiplan.models.formulations.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.math.ConstraintFamily;
import org.meiplan.models.math.LinearExpression;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.ProgramBuilder;

/**
 * Mode, placement and variant of every request class as a MILP over the menus of
 * {@link ServingMenus}: {@code serve[o]} picks option o, {@code hold[s,k]} keeps parameter block k
 * resident (and, when the caching is free, stored) at site s.
 *
 * <pre>
 *   Σ_{o of r} serve[o] ≤ 1                                  for every class r        (one option or reject)
 *   serve[o] ≤ hold[s(o), k]                                 for every block k of o's variant
 *   Σ_k bytes[k]·hold[s,k] + Σ_o kv[o]·serve[o] ≤ gpuMemory[s]   for every site s
 *   Σ_o util[o]·serve[o] ≤ targetUtilisation                 for every site s (the serving model's utilisation)
 *   Σ_k bytes[k]·hold[s,k] ≤ storage[s]                      for every site s (free caching only)
 *   Σ_o deviceBytes[o]·serve[o] ≤ memory[u]; Σ_o deviceUtil[o]·serve[o] ≤ targetUtilisation;
 *   Σ_o horizon·devicePower[o]·serve[o] ≤ energyBudget[u]    for every user u
 *   serve[o] ≤ cloud[v(o)]                                   for every cloud option o
 *   Σ_o tp[v]·util[o]/target·serve[o] + Σ_v tp[v]·cloud[v] ≤ cloudGpus   (replicas = ⌈load/target⌉ ≤ load/target + 1)
 *   latency[o]·serve[o] ≤ worst                              (MaxLatency only)
 *   max Σ_o score[o]·serve[o] − w_max·worst
 * </pre>
 * Resident weights count whole blocks (an upper bound on the layers a split site holds), and the
 * KV cache is taken at the option's latency under the minimum grant, which real grants only lower:
 * a solution of this program is feasible for the evaluator.
 */
public final class AssignmentFormulation {

    private final Instance instance;
    private final List<ServingOption> options = new ArrayList<>();
    private final boolean freeCaching;
    private final ServingObjective objective;
    private final Map<Long, Integer> hold = new LinkedHashMap<>();
    private int serveOffset;

    public AssignmentFormulation(Instance instance, List<List<ServingOption>> menus, boolean freeCaching,
            ServingObjective objective) {
        this.instance = instance;
        menus.forEach(options::addAll);
        this.freeCaching = freeCaching;
        this.objective = objective;
    }

    public List<ServingOption> options() {
        return List.copyOf(options);
    }

    public int serve(int option) {
        return serveOffset + option;
    }

    /** The score of option o in the objective. */
    public double score(int o) {
        return ServingMenus.score(instance, options.get(o), objective);
    }

    public Program build() {
        // data
        int blocks = instance.catalog().blocks().size();
        ProgramBuilder b = Program.builder("serving");
        // variables
        serveOffset = b.numVariables();
        for (ServingOption o : options) {
            RequestClass r = instance.requests().get(o.request());
            // the site joins the name once a class may run the same mode at two sites (home and a neighbour)
            String at = o.site() >= 0 && o.site() != instance.users().get(r.user()).site()
                    ? "@" + instance.sites().get(o.site()).id() : "";
            b.binaries("serve[" + r.id() + "," + o.mode().jsonName() + at + ","
                    + instance.variants().get(o.variant()).id() + "]");
        }
        for (ServingOption o : options) {
            if (o.site() < 0) {
                continue;
            }
            Variant v = instance.variants().get(o.variant());
            for (int i = 0; i < v.blockCount(); i++) {
                long key = (long) o.site() * blocks + v.block(i);
                if (!hold.containsKey(key)) {
                    int column = b.binaries("hold[" + instance.sites().get(o.site()).id() + ","
                            + instance.catalog().blocks().get(v.block(i)).id() + "]").offset();
                    hold.put(key, column);
                }
            }
        }
        double maxWeight = objective.weightOf(ServingObjective.MaxLatency.class);
        int worst = maxWeight > 0.0 ? b.continuous("worst", 0.0, Double.POSITIVE_INFINITY).offset() : -1;
        // constraints
        addOnePerClass(b);
        addHold(b, blocks);
        addSiteCapacities(b, blocks);
        addDeviceCapacities(b);
        addCloudCapacity(b);
        if (worst >= 0) {
            addWorst(b, worst);
        }
        // objective
        LinearExpression e = new LinearExpression();
        for (int o = 0; o < options.size(); o++) {
            e.term(score(o), serve(o));
        }
        if (worst >= 0) {
            e.term(-maxWeight, worst);
        }
        b.maximize(e);
        return b.build();
    }

    /** The hold column of block k at site s, or -1. */
    public int hold(int s, int k) {
        return hold.getOrDefault((long) s * instance.catalog().blocks().size() + k, -1);
    }

    // Σ_{o of r} serve[o] ≤ 1   for every class r
    private void addOnePerClass(ProgramBuilder b) {
        ConstraintFamily one = b.constraints("one");
        List<LinearExpression> rows = new ArrayList<>();
        for (int r = 0; r < instance.requests().size(); r++) {
            rows.add(new LinearExpression());
        }
        for (int o = 0; o < options.size(); o++) {
            rows.get(options.get(o).request()).term(serve(o));
        }
        for (int r = 0; r < rows.size(); r++) {
            one.addLabelled(instance.requests().get(r).id(), rows.get(r).le(1.0));
        }
    }

    // serve[o] ≤ hold[s(o), k]   for every block k of o's variant
    private void addHold(ProgramBuilder b, int blocks) {
        ConstraintFamily link = b.constraints("hold");
        LinearExpression e = new LinearExpression();
        for (int o = 0; o < options.size(); o++) {
            ServingOption option = options.get(o);
            if (option.site() < 0) {
                continue;
            }
            Variant v = instance.variants().get(option.variant());
            for (int i = 0; i < v.blockCount(); i++) {
                link.addLabelled(o + "," + v.block(i),
                        e.clear().term(serve(o)).term(-1.0, hold(option.site(), v.block(i))).le(0.0));
            }
        }
    }

    // Σ_k bytes·hold + Σ_o kv·serve ≤ gpuMemory[s];  Σ_o util·serve ≤ target;  Σ_k bytes·hold ≤ storage[s]
    private void addSiteCapacities(ProgramBuilder b, int blocks) {
        int sites = instance.sites().size();
        LinearExpression[] memory = new LinearExpression[sites];
        LinearExpression[] compute = new LinearExpression[sites];
        LinearExpression[] storage = new LinearExpression[sites];
        for (int s = 0; s < sites; s++) {
            memory[s] = new LinearExpression();
            compute[s] = new LinearExpression();
            storage[s] = new LinearExpression();
        }
        for (Map.Entry<Long, Integer> entry : hold.entrySet()) {
            int s = (int) (entry.getKey() / blocks);
            double bytes = instance.catalog().blocks().get((int) (entry.getKey() % blocks)).bytes();
            memory[s].term(bytes, entry.getValue());
            storage[s].term(bytes, entry.getValue());
        }
        for (int o = 0; o < options.size(); o++) {
            ServingOption option = options.get(o);
            if (option.site() >= 0) {
                memory[option.site()].term(option.siteKv(), serve(o));
                compute[option.site()].term(option.siteUtilisation(), serve(o));
            }
        }
        ConstraintFamily mem = b.constraints("gpuMemory");
        ConstraintFamily flops = b.constraints("utilisation");
        double target = instance.workload().targetUtilisation();
        ConstraintFamily store = b.constraints("storage");
        for (Site site : instance.sites()) {
            if (!site.hasGpus()) {
                continue;
            }
            Profile gpu = instance.gpuOf(site);
            mem.addLabelled(site.id(), memory[site.index()].le(site.gpus() * gpu.memory()));
            flops.addLabelled(site.id(), compute[site.index()].le(target));
            if (freeCaching) {
                store.addLabelled(site.id(), storage[site.index()].le(site.storage()));
            }
        }
    }

    // Σ_o deviceBytes·serve ≤ memory[u];  Σ_o deviceUtil·serve ≤ target;  Σ_o horizon·power·serve ≤ budget[u]
    private void addDeviceCapacities(ProgramBuilder b) {
        int users = instance.users().size();
        LinearExpression[] memory = new LinearExpression[users];
        LinearExpression[] compute = new LinearExpression[users];
        LinearExpression[] energy = new LinearExpression[users];
        for (int u = 0; u < users; u++) {
            memory[u] = new LinearExpression();
            compute[u] = new LinearExpression();
            energy[u] = new LinearExpression();
        }
        double horizon = instance.workload().horizon();
        for (int o = 0; o < options.size(); o++) {
            ServingOption option = options.get(o);
            int u = instance.requests().get(option.request()).user();
            if (option.deviceBytes() > 0.0) {
                memory[u].term(option.deviceBytes(), serve(o));
                compute[u].term(option.deviceUtilisation(), serve(o));
            }
            if (option.devicePower() > 0.0) {
                energy[u].term(horizon * option.devicePower(), serve(o));
            }
        }
        ConstraintFamily mem = b.constraints("deviceMemory");
        ConstraintFamily flops = b.constraints("deviceUtilisation");
        double target = instance.workload().targetUtilisation();
        ConstraintFamily budget = b.constraints("energy");
        for (User user : instance.users()) {
            Profile device = instance.deviceOf(user);
            int u = user.index();
            mem.addLabelled(user.id(), memory[u].le(device.memory()));
            flops.addLabelled(user.id(), compute[u].le(target));
            if (Double.isFinite(user.energyBudget())) {
                budget.addLabelled(user.id(), energy[u].le(user.energyBudget()));
            }
        }
    }

    // serve[o] ≤ cloud[v(o)];  Σ_o tp[v]·util[o]/target·serve[o] + Σ_v tp[v]·cloud[v] ≤ cloudGpus
    private void addCloudCapacity(ProgramBuilder b) {
        Map<Integer, Integer> used = new LinkedHashMap<>();
        LinearExpression gpus = new LinearExpression();
        ConstraintFamily link = b.constraints("cloudVariant");
        double target = instance.workload().targetUtilisation();
        for (int o = 0; o < options.size(); o++) {
            ServingOption option = options.get(o);
            if (option.mode() != org.meiplan.models.plan.Mode.CLOUD) {
                continue;
            }
            Variant v = instance.variants().get(option.variant());
            int tp = org.meiplan.models.physics.ServingGroups.cloudTensorParallel(instance, v);
            Integer column = used.get(v.index());
            if (column == null) {
                column = b.binaries("cloud[" + v.id() + "]").offset();
                used.put(v.index(), column);
                gpus.term(tp, column);
            }
            gpus.term(tp * option.cloudUtilisation() / target, serve(o));
            link.addLabelled(instance.requests().get(option.request()).id() + "," + v.id(),
                    new LinearExpression().term(serve(o)).term(-1.0, column).le(0.0));
        }
        if (!used.isEmpty()) {
            b.constraints("cloudGpus").addLabelled("cloud", gpus.le(instance.topology().cloud().gpus()));
        }
    }

    // latency[o]·serve[o] ≤ worst
    private void addWorst(ProgramBuilder b, int worst) {
        ConstraintFamily rows = b.constraints("worst");
        for (int o = 0; o < options.size(); o++) {
            rows.addLabelled(Integer.toString(o),
                    new LinearExpression().term(options.get(o).latency(), serve(o)).term(-1.0, worst).le(0.0));
        }
    }
}
