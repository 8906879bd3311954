package org.meiplan.solvers.serving;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.eval.PlanViolation;
import org.meiplan.models.formulations.serving.AssignmentFormulation;
import org.meiplan.models.formulations.serving.ServingMenus;
import org.meiplan.models.formulations.serving.ServingObjective;
import org.meiplan.models.formulations.serving.ServingOption;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.User;
import org.meiplan.models.physics.ServingTime.Node;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.RadioGrant;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.Stage;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.plan.StageOptions;

/**
 * The "serving" planning stage: a mode, node(s), variant and split layer for every request class,
 * and radio grants for the users that need the radio.
 *
 * <ul>
 *   <li>Runs after caching: a site serves only variants of the plan's caching part. When the plan has
 *       no caching part, the cache is free within storage and the stage writes one consistent with its
 *       placement (the variants each site serves).</li>
 *   <li>Algorithm ({@code StageOptions.algorithm()}): "exact"/"milp" = {@link AssignmentMilp};
 *       "greedy" = {@link GreedyAssignment} with its LP bound; "auto" = the MILP up to 200,000
 *       options, else the greedy.</li>
 *   <li>Radio: every user that uses the radio first gets an equal share of its site's uplink and downlink
 *       bandwidth and downlink power among the radio users of the site, and its own power limit — at
 *       least the share the menus were timed with, so latencies only improve. Then (rule
 *       {@link RadioRule.MinMaxSloRatio}, the default) each cell is re-allocated by {@link ServingRadio}: min max
 *       latency/SLO, no class slower than its menu latency; the certificate goes into a StageSolve named
 *       {@value #RADIO}. Should the evaluator object to the optimized grants, the equal share stays.</li>
 *   <li>The plan is checked with the {@link Evaluator}; should any violation remain (it should not —
 *       the program is conservative), the classes it names are rejected until none does, and the
 *       StageSolve says how many were.</li>
 * </ul>
 */
public final class ServingStage implements org.meiplan.solvers.plan.Stage {

    public static final String NAME = "serving";
    static final int AUTO_MILP_OPTIONS = 200_000;
    /** {@code auto} starts the MILP after the greedy only with at least this much time left, s. */
    static final double MIN_MILP_SECONDS = 0.2;
    /** ... and with at most this many options per second left (building the model alone takes about that long). */
    static final double MILP_OPTIONS_PER_SECOND = 100_000;

    /** Name of the StageSolve that carries the radio allocation's certificate. */
    public static final String RADIO = "radio";

    private final ServingObjective objective;
    private final RadioRule radioRule;

    public ServingStage() {
        this(ServingObjective.defaults());
    }

    public ServingStage(ServingObjective objective) {
        this(objective, RadioRule.defaults());
    }

    public ServingStage(ServingObjective objective, RadioRule radioRule) {
        this.objective = java.util.Objects.requireNonNull(objective, "objective");
        this.radioRule = java.util.Objects.requireNonNull(radioRule, "radioRule");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Serving mode, placement, variant and split layer per request class, with radio grants.";
    }

    @Override
    public Plan solve(Instance instance, Plan sofar, StageOptions options) {
        long start = System.nanoTime();
        boolean freeCaching = sofar.caching().isEmpty();
        boolean[][] cached = freeCaching ? null : cachedOf(instance, sofar);
        List<List<ServingOption>> menus = ServingMenus.of(instance, cached);
        AssignmentFormulation formulation = new AssignmentFormulation(instance, menus, freeCaching, objective);
        int optionCount = menus.stream().mapToInt(List::size).sum();
        check(options);
        String algorithm = options.heuristic() ? StageOptions.GREEDY : options.algorithm();
        boolean exact = algorithm.equals("exact") || algorithm.equals("milp")
                || (algorithm.equals("auto") && optionCount <= AUTO_MILP_OPTIONS);
        boolean quick = algorithm.equals("greedy-quick");
        double build = (System.nanoTime() - start) / 1e9;
        Assignment assignment;
        if (exact) {
            // anytime: the greedy first (a feasible answer in a small share of the time), then the MILP warm-started
            // from it on what is left; the better of the two is kept, with the MILP's bound when it proved one
            Assignment greedy = new GreedyAssignment().solve(instance, formulation, menus, freeCaching, false,
                    options.solveOptions().build());
            double left = Math.max(0.05, options.timeLimitSeconds() - (System.nanoTime() - start) / 1e9);
            // a MILP that cannot even be built in the time left is not started (its bound would be none anyway)
            boolean time = left >= MIN_MILP_SECONDS && optionCount <= left * MILP_OPTIONS_PER_SECOND;
            Assignment milp = options.cancellation().isCancelled() || !time && !algorithm.equals("exact")
                    && !algorithm.equals("milp") ? null
                    : new AssignmentMilp().solve(formulation, menus, options.solveOptions().timeLimitSeconds(left)
                            .warmStart(AssignmentMilp.hint(formulation, menus, greedy.choice())).build(), milpSolver(options));
            assignment = better(greedy, milp);
        } else {
            assignment = new GreedyAssignment().solve(instance, formulation, menus, freeCaching, !quick,
                    options.solveOptions().timeLimitSeconds(Math.max(0.05, options.timeLimitSeconds()
                            - (System.nanoTime() - start) / 1e9)).build(), lpSolver(options));
            if (!quick && assignment.objective() >= assignment.bound()) {
                assignment = new Assignment(assignment.choice(), assignment.objective(), assignment.bound(), "OPTIMAL",
                        assignment.solver(), assignment.solveSeconds());
            }
        }
        long decodeStart = System.nanoTime();
        int[] choice = assignment.choice();
        Plan plan = decode(instance, sofar, menus, choice, freeCaching);
        int rejected = 0;
        Evaluator evaluator = new Evaluator();
        for (int round = 0; round < instance.requests().size(); round++) {
            Evaluation evaluation = evaluator.evaluate(instance, plan);
            Set<Integer> offending = offending(instance, plan, evaluation, menus, choice);
            if (offending.isEmpty()) {
                break;
            }
            for (int r : offending) {
                choice[r] = -1;
                rejected++;
            }
            plan = decode(instance, sofar, menus, choice, freeCaching);
        }
        String status = assignment.status();
        StageSolve solve = new StageSolve(NAME, status, assignment.objective(), assignment.bound(), assignment.gap(),
                assignment.solver(), "", build, assignment.solveSeconds(), (System.nanoTime() - decodeStart) / 1e9, 0,
                rejected > 0 ? rejected + " request class(es) rejected to repair evaluator violations" : "");
        List<StageSolve> solves = new ArrayList<>(plan.solves());
        solves.add(solve);
        if (radioRule instanceof RadioRule.MinMaxSloRatio) {
            long radioStart = System.nanoTime();
            ServingRadio.Outcome radio = ServingRadio.optimize(instance, menus, choice);
            Plan optimized = withGrants(plan, radio.grants());
            int violations = evaluator.evaluate(instance, optimized).violations().size();
            String radioStatus;
            if (violations == 0) {
                plan = optimized;
                radioStatus = radio.gap() <= 1e-6 ? "OPTIMAL" : "FEASIBLE";
            } else {
                radioStatus = "EQUAL_SHARE_KEPT";
            }
            solves.add(new StageSolve(RADIO, radioStatus, radio.ratio(), radio.bound(), radio.gap(),
                    "BisectionMinMaxSloRatio", "", 0.0, (System.nanoTime() - radioStart) / 1e9, 0.0, radio.blocks(),
                    String.format(java.util.Locale.ROOT, "max latency/SLO %.4g (equal share %.4g); mean cell max %.4g"
                            + " (equal share %.4g)%s", radio.ratio(), radio.startRatio(), radio.meanCellRatio(),
                            radio.meanCellStartRatio(), violations == 0 ? ""
                                    : "; equal share kept: " + violations + " violations with the optimized grants")));
        }
        return new Plan(plan.instance(), plan.caching(), plan.serving(), plan.radio(), plan.training(), solves);
    }

    /** The algorithm names this stage accepts. */
    public static final List<String> ALGORITHMS = List.of("auto", "exact", "milp", "greedy", "heuristic", "greedy-quick");
    static final List<String> MILP_SOLVERS = List.of("scip", "ojalgo");
    static final List<String> LP_SOLVERS = List.of("glop", "pdlp", "scip", "ojalgo");

    @Override
    public void check(StageOptions options) {
        if (!ALGORITHMS.contains(options.algorithm())) {
            throw new IllegalArgumentException("\"" + options.algorithm() + "\" is not a serving algorithm. Use one of: "
                    + String.join(", ", ALGORITHMS) + " (greedy = heuristic; greedy-quick has no LP bound).");
        }
        String a = options.algorithm();
        if (a.equals("exact") || a.equals("milp")) {
            options.requireSolver(NAME, "MILP", MILP_SOLVERS);
        } else if (a.equals("auto")) {
            options.requireSolver(NAME, "MILP or LP bound", LP_SOLVERS);
        } else {
            options.requireSolver(NAME, "LP bound", LP_SOLVERS);
        }
    }

    private static String milpSolver(StageOptions options) {
        return MILP_SOLVERS.contains(options.solver()) ? options.solver() : "auto";
    }

    private static String lpSolver(StageOptions options) {
        return LP_SOLVERS.contains(options.solver()) ? options.solver() : "auto";
    }

    /**
     * The MILP's assignment when it has one at least as good as the greedy's, else the greedy's with the MILP's bound
     * (when it proved one); status FEASIBLE unless the kept value meets the bound.
     */
    static Assignment better(Assignment greedy, Assignment milp) {
        boolean milpSolved = milp != null && !Double.isNaN(milp.objective());
        if (milpSolved && milp.objective() >= greedy.objective() - 1e-12) {
            return milp;
        }
        // an upper bound below a feasible value proves nothing (a solver's placeholder): then there is none
        double bound = milp == null || !Double.isFinite(milp.bound())
                || milp.bound() < greedy.objective() - 1e-9 * Math.max(1.0, Math.abs(greedy.objective())) ? Double.NaN
                : Math.max(milp.bound(), greedy.objective());
        String status = !Double.isNaN(bound) && greedy.objective() >= bound ? "OPTIMAL" : "FEASIBLE";
        return new Assignment(greedy.choice(), greedy.objective(), bound, status,
                "greedy" + (milp == null ? "" : " (" + milp.solver() + " " + milp.status() + ")"),
                greedy.solveSeconds() + (milp == null ? 0.0 : milp.solveSeconds()));
    }

    /** The plan with these grants in place of the grants of the same users. */
    static Plan withGrants(Plan plan, List<RadioGrant> grants) {
        Set<String> granted = new HashSet<>();
        grants.forEach(g -> granted.add(g.user()));
        List<RadioGrant> radio = new ArrayList<>();
        for (RadioGrant g : plan.radio()) {
            if (!granted.contains(g.user())) {
                radio.add(g);
            }
        }
        radio.addAll(grants);
        return new Plan(plan.instance(), plan.caching(), plan.serving(), radio, plan.training(), plan.solves());
    }

    static boolean[][] cachedOf(Instance instance, Plan plan) {
        boolean[][] cached = new boolean[instance.sites().size()][instance.variants().size()];
        for (SiteCache cache : plan.caching()) {
            int s = instance.siteIndex(cache.site());
            for (String v : cache.variants()) {
                int vi = instance.variantIndex(v);
                if (s >= 0 && vi >= 0) {
                    cached[s][vi] = true;
                }
            }
        }
        return cached;
    }

    /** The plan of these choices: servings, radio grants, and a caching part when the caching is free. */
    static Plan decode(Instance instance, Plan sofar, List<List<ServingOption>> menus, int[] choice,
            boolean freeCaching) {
        List<Serving> servings = new ArrayList<>();
        boolean[] radio = new boolean[instance.users().size()];
        List<Set<String>> served = new ArrayList<>();
        for (int s = 0; s < instance.sites().size(); s++) {
            served.add(new java.util.TreeSet<>());
        }
        for (RequestClass request : instance.requests()) {
            int r = request.index();
            if (choice[r] < 0) {
                servings.add(Serving.reject(request.id()));
                continue;
            }
            ServingOption o = menus.get(r).get(choice[r]);
            User user = instance.users().get(request.user());
            List<Stage> stages = new ArrayList<>();
            int[] bounds = o.bounds();
            for (int i = 0; i < o.nodes().size(); i++) {
                Node node = o.nodes().get(i);
                String id = switch (node.kind()) {
                    case DEVICE -> user.id();
                    case SITE -> instance.sites().get(node.index()).id();
                    case CLOUD -> Stage.CLOUD;
                };
                stages.add(new Stage(id, bounds[i], bounds[i + 1]));
            }
            String variant = instance.variants().get(o.variant()).id();
            servings.add(new Serving(request.id(), o.mode(), variant, stages));
            radio[user.index()] |= o.mode() != Mode.DEVICE;
            if (o.site() >= 0) {
                served.get(o.site()).add(variant);
            }
        }
        int[] active = new int[instance.sites().size()];
        for (User user : instance.users()) {
            active[user.site()] += radio[user.index()] ? 1 : 0;
        }
        List<RadioGrant> grants = new ArrayList<>();
        for (User user : instance.users()) {
            if (radio[user.index()]) {
                Site site = instance.sites().get(user.site());
                int n = active[user.site()];
                grants.add(new RadioGrant(user.id(), site.uplinkBandwidth() / n, user.txPower(),
                        site.downlinkBandwidth() / n, site.txPower() / n));
            }
        }
        List<SiteCache> caching = sofar.caching();
        if (freeCaching) {
            caching = new ArrayList<>();
            for (Site site : instance.sites()) {
                caching.add(new SiteCache(site.id(), List.copyOf(served.get(site.index()))));
            }
        }
        List<RadioGrant> radioPart = new ArrayList<>();
        Set<String> granted = new HashSet<>();
        grants.forEach(g -> granted.add(g.user()));
        for (RadioGrant g : sofar.radio()) {
            if (!granted.contains(g.user())) {
                radioPart.add(g);
            }
        }
        radioPart.addAll(grants);
        return new Plan(sofar.instance().isEmpty() ? instance.name() : sofar.instance(), caching, servings, radioPart,
                sofar.training(), sofar.solves());
    }

    /** Served classes named by a violation: directly, or through the site or user it names. */
    static Set<Integer> offending(Instance instance, Plan plan, Evaluation evaluation, List<List<ServingOption>> menus,
            int[] choice) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (PlanViolation v : evaluation.violations()) {
            int r = instance.requestIndex(v.subject());
            int s = instance.siteIndex(v.subject());
            int u = instance.userIndex(v.subject());
            int worst = -1;
            double worstScore = Double.POSITIVE_INFINITY;
            for (RequestClass request : instance.requests()) {
                int k = choice[request.index()];
                if (k < 0) {
                    continue;
                }
                ServingOption o = menus.get(request.index()).get(k);
                boolean named = request.index() == r || (s >= 0 && o.site() == s) || (u >= 0 && request.user() == u)
                        || (Stage.CLOUD.equals(v.subject()) && o.mode() == Mode.CLOUD);
                if (named && request.rate() * request.weight() < worstScore) {
                    worstScore = request.rate() * request.weight();
                    worst = request.index();
                }
            }
            if (worst >= 0) {
                out.add(worst);
            }
        }
        return out;
    }
}
