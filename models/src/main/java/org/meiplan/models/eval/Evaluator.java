package org.meiplan.models.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.Block;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Precision;
import org.meiplan.models.instance.Privacy;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.physics.CacheReach;
import org.meiplan.models.physics.Compute;
import org.meiplan.models.physics.Memory;
import org.meiplan.models.physics.Radio;
import org.meiplan.models.physics.ServingGroups;
import org.meiplan.models.physics.ServingPerformance;
import org.meiplan.models.physics.ServingTime;
import org.meiplan.models.physics.ServingTime.Node;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.RadioGrant;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.Stage;
import org.meiplan.models.plan.TrainingRun;

/**
 * Judges a plan against an instance, recomputing everything from the instance and the plan
 * alone with the physics in {@code org.meiplan.models.physics} — never from a solver's model.
 * It is the oracle of meiplan's tests and the last step before a plan leaves the API.
 *
 * <h2>What it models</h2>
 * <ul>
 *   <li>A request runs through its stages in order. The prompt goes from the device to the
 *       first stage, hidden states of the prompt pass between stages, and the first token is
 *       delivered to the device: {@code ttft = input hop + Σ prefill + Σ stage hops + delivery}.
 *       Each further token costs one decode step through every stage, the hidden state of
 *       one token between stages, and the sampled token back to the first stage:
 *       {@code latency = ttft + (output − 1)·step}.</li>
 *   <li>Hops: device↔its site over the radio at the Shannon rate of the user's grant;
 *       site↔site over a direct link when there is one, else through the cloud; site↔cloud
 *       over the site's backhaul. Each hop pays its latency and bits/rate.</li>
 *   <li>Compute under load: every device, every site's GPUs (one tensor-parallel group) and the
 *       cloud replicas of each variant ({@link ServingGroups}) are serving groups run with
 *       continuous batching and prefill priority; {@link ServingPerformance} gives each class's
 *       prefill wait, prefill and decode time from the load of all classes on the group (mean and
 *       percentile). {@code ttft} and {@code latency} are means; SLOs are judged at each class's
 *       percentile. A group at or past {@code workload.utilisationCap} is an {@code OVERLOAD}
 *       violation; cloud replicas beyond the cloud's GPUs a {@code CLOUD_CAPACITY} violation.</li>
 *   <li>Loads, by Little's law and rates: FLOP/s demanded against sustained FLOP/s, resident
 *       weights with shared blocks held once per layer, KV cache of {@code rate × mean latency}
 *       requests in flight, device energy {@code rate × horizon × J per request} (busy time, not
 *       waiting) against the user's budget.</li>
 *   <li>Radio: a user without a grant gets an equal share of what its site has not granted
 *       (said in {@link Evaluation#assumptions()}).</li>
 *   <li>Training: a run on [start, end) needs {@code work / (end − start)} FLOP/s; at every
 *       instant the runs on a site, plus inference load, must fit its compute, and base weights
 *       (held once per base while jobs on it overlap) plus each job's state must fit the GPU
 *       memory that inference leaves.</li>
 * </ul>
 * Missed SLOs and missed deadlines are metrics, not violations; broken capacities, unknown
 * ids, privacy, quality floors and malformed decisions are violations.
 */
public final class Evaluator {

    /** Most GPUs the cloud puts on one request (one 8-GPU node). */
    public static final int CLOUD_GPUS_PER_REQUEST = ServingTime.CLOUD_GPUS_PER_REQUEST;

    /** Bytes per element of the KV cache (16-bit). */
    public static final double KV_BYTES = ServingTime.KV_BYTES;

    private final Tolerances tolerances;

    public Evaluator() {
        this(Tolerances.DEFAULT);
    }

    public Evaluator(Tolerances tolerances) {
        this.tolerances = Objects.requireNonNull(tolerances, "tolerances");
    }

    /** Evaluates a (possibly partial) plan. Never throws for a bad plan: every problem is a violation. */
    public Evaluation evaluate(Instance instance, Plan plan) {
        return new Run(instance, plan).evaluate();
    }

    /**
     * The evaluation with the path of every class it times as served: what {@code meiplan simulate}
     * replays (the same placements and transfer times, so that only the serving model is checked).
     */
    public Replay replay(Instance instance, Plan plan) {
        Run run = new Run(instance, plan);
        Evaluation evaluation = run.evaluate();
        return new Replay(evaluation, run.paths);
    }

    /** An evaluation and the served paths it timed, in request order. */
    public record Replay(Evaluation evaluation, List<ServedPath> paths) {
        public Replay {
            paths = List.copyOf(paths);
        }
    }

    /**
     * A served class as the evaluator timed it: its placement and the seconds it spends on radio
     * and wires before its first token and per further token (deterministic at the plan's grants).
     */
    public record ServedPath(ServingGroups.Placement placement, double ttftTransfer, double transferPerToken) {
    }

    /** The radio link of one user, rates in bit/s. */
    private record Link(double uplinkRate, double downlinkRate, double uplinkPower) {
    }

    private final class Run {
        final Instance instance;
        final Plan plan;
        final List<PlanViolation> violations = new ArrayList<>();
        final List<String> assumptions = new ArrayList<>();
        final int siteCount;
        final boolean[][] cached;
        final double[] storageUsed;
        final double[] siteLoad;
        final double[] siteKv;
        final Map<Integer, boolean[]>[] siteLayers;
        final double[] userEnergyRate;
        final double[] userMemory;
        final double[] userLoad;
        final Link[] links;
        final double[] ulUsed;
        final double[] dlUsed;
        final double[] powerUsed;
        final CacheReach reach;
        final double[] siteUtilisation;

        @SuppressWarnings("unchecked")
        Run(Instance instance, Plan plan) {
            this.instance = instance;
            this.plan = plan;
            this.siteCount = instance.sites().size();
            this.cached = new boolean[siteCount][instance.variants().size()];
            this.storageUsed = new double[siteCount];
            this.siteLoad = new double[siteCount];
            this.siteKv = new double[siteCount];
            this.siteLayers = new Map[siteCount];
            for (int s = 0; s < siteCount; s++) {
                siteLayers[s] = new TreeMap<>();
            }
            int users = instance.users().size();
            this.userEnergyRate = new double[users];
            this.userMemory = new double[users];
            this.userLoad = new double[users];
            this.links = new Link[users];
            this.ulUsed = new double[siteCount];
            this.dlUsed = new double[siteCount];
            this.powerUsed = new double[siteCount];
            this.reach = new CacheReach(instance);
            this.siteUtilisation = new double[siteCount];
        }

        void violation(PlanViolation.Kind kind, String path, String subject, double used, double limit, String message) {
            violations.add(new PlanViolation(kind, path, subject, used, limit, message));
        }

        Evaluation evaluate() {
            if (!plan.instance().isEmpty() && !plan.instance().equals(instance.name())) {
                assumptions.add("the plan names instance \"" + plan.instance() + "\" but is evaluated against \""
                        + instance.name() + "\"");
            }
            caching();
            Serving[] servings = servings();
            radio(servings);
            List<RequestMetrics> requests = new ArrayList<>();
            for (RequestClass request : instance.requests()) {
                requests.add(request(request, servings[request.index()], servingPath(servings, request)));
            }
            List<GroupMetrics> groups = serve(requests);
            List<SiteMetrics> sites = siteChecks();
            List<UserMetrics> users = userChecks();
            List<JobMetrics> jobs = training();
            return new Evaluation(summary(requests, jobs), requests, sites, users, jobs, violations, assumptions, groups);
        }

        // ------------------------------------------------------------ caching

        void caching() {
            boolean[] seen = new boolean[siteCount];
            for (int i = 0; i < plan.caching().size(); i++) {
                SiteCache cache = plan.caching().get(i);
                String path = "/caching/" + i;
                int s = instance.siteIndex(cache.site());
                if (s < 0) {
                    violation(PlanViolation.Kind.UNKNOWN_ID, path + "/site", cache.site(), Double.NaN, Double.NaN,
                            "caches at site \"" + cache.site() + "\", which the instance does not have");
                    continue;
                }
                if (seen[s]) {
                    violation(PlanViolation.Kind.DUPLICATE, path, cache.site(), Double.NaN, Double.NaN,
                            "site \"" + cache.site() + "\" has a second caching entry; give one per site");
                    continue;
                }
                seen[s] = true;
                for (int j = 0; j < cache.variants().size(); j++) {
                    int v = instance.variantIndex(cache.variants().get(j));
                    if (v < 0) {
                        violation(PlanViolation.Kind.UNKNOWN_ID, path + "/variants/" + j, cache.variants().get(j),
                                Double.NaN, Double.NaN, "variant \"" + cache.variants().get(j) + "\" is not in the catalog");
                    } else {
                        cached[s][v] = true;
                    }
                }
                storageUsed[s] = storageOf(cached[s]);
                Site site = instance.sites().get(s);
                if (tolerances.exceeds(storageUsed[s], site.storage())) {
                    violation(PlanViolation.Kind.STORAGE, path, site.id(), storageUsed[s], site.storage(),
                            String.format(Locale.ROOT, "site %s stores %.4g GB of blocks but has %.4g GB", site.id(),
                                    storageUsed[s] / 1e9, site.storage() / 1e9));
                }
            }
        }

        /** Bytes of the union of blocks of the marked variants: a shared block counts once. */
        double storageOf(boolean[] variants) {
            boolean[] blocks = new boolean[instance.catalog().blocks().size()];
            double bytes = 0.0;
            for (int v = 0; v < variants.length; v++) {
                if (!variants[v]) {
                    continue;
                }
                Variant variant = instance.variants().get(v);
                for (int b = 0; b < variant.blockCount(); b++) {
                    int block = variant.block(b);
                    if (!blocks[block]) {
                        blocks[block] = true;
                        bytes += instance.catalog().blocks().get(block).bytes();
                    }
                }
            }
            return bytes;
        }

        // ------------------------------------------------------------ serving and radio

        final Map<Integer, String> servingPaths = new HashMap<>();

        Serving[] servings() {
            Serving[] byRequest = new Serving[instance.requests().size()];
            for (int i = 0; i < plan.serving().size(); i++) {
                Serving serving = plan.serving().get(i);
                String path = "/serving/" + i;
                int r = instance.requestIndex(serving.request());
                if (r < 0) {
                    violation(PlanViolation.Kind.UNKNOWN_ID, path + "/request", serving.request(), Double.NaN, Double.NaN,
                            "serves request class \"" + serving.request() + "\", which the instance does not have");
                } else if (byRequest[r] != null) {
                    violation(PlanViolation.Kind.DUPLICATE, path, serving.request(), Double.NaN, Double.NaN,
                            "request class \"" + serving.request() + "\" has a second serving entry");
                } else {
                    byRequest[r] = serving;
                    servingPaths.put(r, path);
                }
            }
            return byRequest;
        }

        String servingPath(Serving[] servings, RequestClass request) {
            return servingPaths.getOrDefault(request.index(), "/serving");
        }

        boolean usesRadio(Serving serving, RequestClass request) {
            if (serving == null || serving.mode() == Mode.REJECT) {
                return false;
            }
            String own = instance.users().get(request.user()).id();
            for (Stage stage : serving.stages()) {
                if (!stage.node().equals(own)) {
                    return true;
                }
            }
            return false;
        }

        void radio(Serving[] servings) {
            RadioGrant[] grants = new RadioGrant[instance.users().size()];
            for (int i = 0; i < plan.radio().size(); i++) {
                RadioGrant grant = plan.radio().get(i);
                String path = "/radio/" + i;
                int u = instance.userIndex(grant.user());
                if (u < 0) {
                    violation(PlanViolation.Kind.UNKNOWN_ID, path + "/user", grant.user(), Double.NaN, Double.NaN,
                            "grants radio to user \"" + grant.user() + "\", who is not in the instance");
                    continue;
                }
                if (grants[u] != null) {
                    violation(PlanViolation.Kind.DUPLICATE, path, grant.user(), Double.NaN, Double.NaN,
                            "user \"" + grant.user() + "\" has a second radio grant");
                    continue;
                }
                double[] values = {grant.uplinkBandwidth(), grant.uplinkPower(), grant.downlinkBandwidth(),
                        grant.downlinkPower()};
                boolean bad = false;
                for (double value : values) {
                    bad |= !(value >= 0.0) || Double.isInfinite(value);
                }
                if (bad) {
                    violation(PlanViolation.Kind.MALFORMED, path, grant.user(), Double.NaN, Double.NaN,
                            "radio grant of \"" + grant.user() + "\" has a negative or non-finite value");
                    continue;
                }
                grants[u] = grant;
                User user = instance.users().get(u);
                ulUsed[user.site()] += grant.uplinkBandwidth();
                dlUsed[user.site()] += grant.downlinkBandwidth();
                powerUsed[user.site()] += grant.downlinkPower();
                if (tolerances.exceeds(grant.uplinkPower(), user.txPower())) {
                    violation(PlanViolation.Kind.USER_POWER, path + "/uplinkPower", user.id(), grant.uplinkPower(),
                            user.txPower(), String.format(Locale.ROOT, "user %s transmits %.4g W but may send at most %.4g W",
                                    user.id(), grant.uplinkPower(), user.txPower()));
                }
            }
            // Users that need the radio but have no grant share what their site has left, equally.
            boolean[] active = new boolean[instance.users().size()];
            for (RequestClass request : instance.requests()) {
                if (usesRadio(servings[request.index()], request)) {
                    active[request.user()] = true;
                }
            }
            int[] waiting = new int[siteCount];
            for (User user : instance.users()) {
                if (active[user.index()] && grants[user.index()] == null) {
                    waiting[user.site()]++;
                }
            }
            int defaulted = 0;
            double[] ulShare = new double[siteCount];
            double[] dlShare = new double[siteCount];
            double[] powerShare = new double[siteCount];
            for (Site site : instance.sites()) {
                int n = waiting[site.index()];
                if (n > 0) {
                    ulShare[site.index()] = Math.max(0.0, site.uplinkBandwidth() - ulUsed[site.index()]) / n;
                    dlShare[site.index()] = Math.max(0.0, site.downlinkBandwidth() - dlUsed[site.index()]) / n;
                    powerShare[site.index()] = Math.max(0.0, site.txPower() - powerUsed[site.index()]) / n;
                }
            }
            double n0 = instance.topology().noiseDensity();
            for (User user : instance.users()) {
                RadioGrant grant = grants[user.index()];
                double gain = instance.topology().gain(user.index(), user.site());
                if (grant == null && active[user.index()]) {
                    int s = user.site();
                    grant = new RadioGrant(user.id(), ulShare[s], user.txPower(), dlShare[s], powerShare[s]);
                    ulUsed[s] += ulShare[s];
                    dlUsed[s] += dlShare[s];
                    powerUsed[s] += powerShare[s];
                    defaulted++;
                }
                if (grant != null) {
                    links[user.index()] = new Link(Radio.rate(grant.uplinkBandwidth(), grant.uplinkPower(), gain, n0),
                            Radio.rate(grant.downlinkBandwidth(), grant.downlinkPower(), gain, n0), grant.uplinkPower());
                } else {
                    links[user.index()] = new Link(0.0, 0.0, 0.0);
                }
            }
            if (defaulted > 0) {
                assumptions.add(defaulted + " user(s) without a radio grant got an equal share of their site's"
                        + " remaining bandwidth and power, and transmit at their power limit");
            }
        }

        Node node(String id, User user) {
            if (id.equals(Stage.CLOUD)) {
                return new Node(Node.Kind.CLOUD, 0);
            }
            if (id.equals(user.id())) {
                return new Node(Node.Kind.DEVICE, user.index());
            }
            int s = instance.siteIndex(id);
            if (s >= 0) {
                return new Node(Node.Kind.SITE, s);
            }
            return null;
        }

        RequestMetrics unserved(RequestClass request, String mode) {
            double nan = Double.NaN;
            return new RequestMetrics(request.id(), mode, null, null, false, nan, nan, nan, nan, nan, nan, nan, nan,
                    false, nan, 0.0, request.percentile(), nan, nan, nan);
        }

        RequestMetrics request(RequestClass request, Serving serving, String path) {
            if (serving == null) {
                return unserved(request, "none");
            }
            if (serving.mode() == Mode.REJECT) {
                if (!serving.stages().isEmpty()) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/stages", request.id(), Double.NaN, Double.NaN,
                            "a rejected request class has stages");
                }
                return unserved(request, Mode.REJECT.jsonName());
            }
            User user = instance.users().get(request.user());
            Variant requested = instance.variants().get(request.variant());
            int v = serving.variant() == null ? request.variant() : instance.variantIndex(serving.variant());
            if (v < 0) {
                violation(PlanViolation.Kind.UNKNOWN_ID, path + "/variant", serving.variant(), Double.NaN, Double.NaN,
                        "serves with variant \"" + serving.variant() + "\", which is not in the catalog");
                return unserved(request, serving.mode().jsonName());
            }
            Variant variant = instance.variants().get(v);
            int before = violations.size();
            if (v != request.variant() && (requested.isFineTuned() || variant.isFineTuned())) {
                violation(PlanViolation.Kind.QUALITY, path + "/variant", request.id(), Double.NaN, Double.NaN,
                        "request class " + request.id() + " asks for " + requested.id() + " but is served by "
                                + variant.id() + "; a fine-tuned variant has no substitute, and is no one's substitute");
            }
            if (variant.quality() < request.minQuality() - 1e-12) {
                violation(PlanViolation.Kind.QUALITY, path + "/variant", request.id(), variant.quality(),
                        request.minQuality(), String.format(Locale.ROOT,
                                "variant %s has quality %.4g, below the floor %.4g of request class %s", variant.id(),
                                variant.quality(), request.minQuality(), request.id()));
            }
            Architecture arch = instance.catalog().architectureOf(variant);
            Precision precision = instance.catalog().precisionOf(variant);
            int layers = arch.layers();
            List<Stage> stages = serving.stages();
            List<Node> nodes = new ArrayList<>();
            if (stages.isEmpty()) {
                violation(PlanViolation.Kind.MALFORMED, path + "/stages", request.id(), Double.NaN, Double.NaN,
                        "a served request class needs at least one stage");
            }
            int expectedFirst = 0;
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                Node node = node(stage.node(), user);
                if (node == null) {
                    boolean otherUser = instance.userIndex(stage.node()) >= 0;
                    violation(PlanViolation.Kind.UNKNOWN_ID, path + "/stages/" + i + "/node", stage.node(), Double.NaN,
                            Double.NaN, otherUser ? "runs on the device of another user (" + stage.node()
                                    + "); a request may use only its own user's device"
                                    : "node \"" + stage.node() + "\" is neither a site, the user's device, nor \"cloud\"");
                } else if (node.kind() == Node.Kind.SITE && !instance.sites().get(node.index()).hasGpus()) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/stages/" + i + "/node", stage.node(), Double.NaN,
                            Double.NaN, "site " + stage.node() + " has no GPUs to run layers on");
                    node = null;
                }
                nodes.add(node);
                if (stage.firstLayer() != expectedFirst || stage.lastLayer() <= stage.firstLayer()) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/stages/" + i + "/layers", request.id(), Double.NaN,
                            Double.NaN, "stages must cover layers 0.." + layers + " of " + variant.id()
                                    + " in order without gaps or empty stages; this one has [" + stage.firstLayer() + ", "
                                    + stage.lastLayer() + ")");
                }
                expectedFirst = stage.lastLayer();
            }
            if (!stages.isEmpty() && expectedFirst != layers) {
                violation(PlanViolation.Kind.MALFORMED, path + "/stages", request.id(), expectedFirst, layers,
                        "stages end at layer " + expectedFirst + " but " + variant.id() + " has " + layers + " layers");
            }
            if (violations.size() == before) {
                checkMode(serving.mode(), nodes, path, request);
                checkPrivacy(request, nodes, path);
                for (int i = 0; i < nodes.size(); i++) {
                    Node node = nodes.get(i);
                    if (node.kind() == Node.Kind.SITE && !cached[node.index()][v]) {
                        violation(PlanViolation.Kind.NOT_CACHED, path + "/stages/" + i, request.id(), Double.NaN,
                                Double.NaN, "request class " + request.id() + " runs " + variant.id() + " at site "
                                        + stages.get(i).node() + ", which does not cache it");
                    }
                }
            }
            if (violations.size() != before) {
                return unserved(request, serving.mode().jsonName());
            }
            return timeAndLoad(request, serving, user, variant, arch, precision, stages, nodes, path);
        }

        void checkMode(Mode mode, List<Node> nodes, String path, RequestClass request) {
            boolean ok = switch (mode) {
                case DEVICE -> nodes.size() == 1 && nodes.get(0).kind() == Node.Kind.DEVICE;
                case EDGE -> nodes.size() == 1 && nodes.get(0).kind() == Node.Kind.SITE;
                case CLOUD -> nodes.size() == 1 && nodes.get(0).kind() == Node.Kind.CLOUD;
                case SPLIT -> nodes.size() == 2 && nodes.get(0).kind() == Node.Kind.DEVICE
                        && nodes.get(1).kind() == Node.Kind.SITE;
                case PIPELINE -> !nodes.isEmpty();
                case REJECT -> nodes.isEmpty();
            };
            if (!ok) {
                violation(PlanViolation.Kind.MALFORMED, path + "/mode", request.id(), Double.NaN, Double.NaN,
                        "mode \"" + mode.jsonName() + "\" does not match its stages (device: one stage on the user's"
                                + " device; edge: one site; cloud: \"cloud\"; split: the device, then one site)");
            }
        }

        void checkPrivacy(RequestClass request, List<Node> nodes, String path) {
            boolean cloud = nodes.stream().anyMatch(n -> n.kind() == Node.Kind.CLOUD);
            if (request.privacy() == Privacy.DEVICE && nodes.get(0).kind() != Node.Kind.DEVICE) {
                violation(PlanViolation.Kind.PRIVACY, path + "/stages/0", request.id(), Double.NaN, Double.NaN,
                        "the prompt of " + request.id() + " may not leave the device, but its first layers run on "
                                + (nodes.get(0).kind() == Node.Kind.CLOUD ? "the cloud" : "a site")
                                + "; serve it on the device or split with the first layers on the device");
            }
            if (request.privacy() != Privacy.ANY && cloud) {
                violation(PlanViolation.Kind.PRIVACY, path + "/stages", request.id(), Double.NaN, Double.NaN,
                        "data of " + request.id() + " may not go to the cloud (privacy: "
                                + request.privacy().name().toLowerCase(Locale.ROOT) + ")");
            }
        }

        /** A served class whose times wait for the load of every group: its path, terms and radio link. */
        final List<Pending> pending = new ArrayList<>();
        final List<ServedPath> paths = new ArrayList<>();

        record Pending(RequestClass request, Serving serving, User user, Variant variant, Architecture arch,
                Precision precision, List<Stage> stages, List<Node> nodes, String path, ServingTime.Terms terms,
                Link link) {
        }

        RequestMetrics timeAndLoad(RequestClass request, Serving serving, User user, Variant variant, Architecture arch,
                Precision precision, List<Stage> stages, List<Node> nodes, String path) {
            int[] bounds = new int[stages.size() + 1];
            for (int i = 0; i < stages.size(); i++) {
                bounds[i + 1] = stages.get(i).lastLayer();
            }
            ServingTime.Terms terms = ServingTime.of(instance, request, variant, nodes, bounds);
            Link link = links[user.index()];
            if (!Double.isFinite(terms.latency(link.uplinkRate(), link.downlinkRate()))) {
                violation(PlanViolation.Kind.UNREACHABLE, path, request.id(), Double.NaN, Double.NaN,
                        "request class " + request.id() + " needs the radio or a link with no capacity"
                                + " (a zero-bandwidth grant or zero power)");
                return unserved(request, serving.mode().jsonName());
            }
            pending.add(new Pending(request, serving, user, variant, arch, precision, stages, nodes, path, terms, link));
            return null;
        }

        /**
         * Times every pending class under the load of all of them ({@link ServingGroups}), reports
         * overloaded groups, fills in the metrics and adds the loads; returns the groups.
         */
        List<GroupMetrics> serve(List<RequestMetrics> requests) {
            List<ServingGroups.Placement> placements = new ArrayList<>();
            for (Pending p : pending) {
                int[] bounds = new int[p.stages().size() + 1];
                for (int i = 0; i < p.stages().size(); i++) {
                    bounds[i + 1] = p.stages().get(i).lastLayer();
                }
                placements.add(new ServingGroups.Placement(p.request().index(), p.variant().index(), p.nodes(), bounds));
            }
            ServingGroups.Result result = ServingGroups.of(instance, placements);
            double cap = instance.workload().utilisationCap();
            List<GroupMetrics> groups = new ArrayList<>();
            for (ServingGroups.GroupInfo g : result.groups()) {
                ServingPerformance.Group state = g.state();
                boolean over = state.utilisation() >= cap * (1.0 - tolerances.relative());
                groups.add(new GroupMetrics(g.id(), g.kind().name().toLowerCase(Locale.ROOT), g.replicas(),
                        g.gpusPerReplica(), state.utilisation(), state.prefillUtilisation(), state.busy(),
                        state.meanBatch(), over));
                if (g.kind() == Node.Kind.SITE) {
                    String site = g.id().substring("site:".length());
                    siteUtilisation[instance.siteIndex(site)] = state.utilisation();
                }
                if (over) {
                    String subject = switch (g.kind()) {
                        case DEVICE -> g.id().substring("device:".length());
                        case SITE -> g.id().substring("site:".length());
                        case CLOUD -> Stage.CLOUD;
                    };
                    String what = switch (g.kind()) {
                        case DEVICE -> "the device of " + subject;
                        case SITE -> "the GPUs of site " + subject;
                        case CLOUD -> "each cloud replica of " + g.id().substring("cloud:".length()) + " (" + g.replicas()
                                + " of " + g.gpusPerReplica() + " GPU(s))";
                    };
                    violation(PlanViolation.Kind.OVERLOAD, "/serving", subject, state.utilisation(), cap,
                            String.format(Locale.ROOT, "%s is loaded to utilisation %.3g, at or past the cap %.3g:"
                                    + " queues grow without bound; serve less there, or raise"
                                    + " workload.utilisationCap", what, state.utilisation(), cap));
                }
            }
            int cloudGpus = instance.topology().cloud().gpus();
            if (tolerances.exceeds(result.cloudGpusNeeded(), cloudGpus)) {
                violation(PlanViolation.Kind.CLOUD_CAPACITY, "/serving", Stage.CLOUD, result.cloudGpusNeeded(), cloudGpus,
                        String.format(Locale.ROOT, "the cloud needs %.0f GPUs to keep its replicas at the target"
                                + " utilisation %.3g but has %d", result.cloudGpusNeeded(),
                                instance.workload().targetUtilisation(), cloudGpus));
            }
            for (int k = 0; k < pending.size(); k++) {
                Pending p = pending.get(k);
                requests.set(p.request().index(), finish(p, result.times().get(k)));
                ServingTime.Terms terms = p.terms();
                double ttftTransfer = terms.ttft(p.link().uplinkRate(), p.link().downlinkRate()) - terms.prefill();
                double latencyTransfer = terms.latency(p.link().uplinkRate(), p.link().downlinkRate())
                        - terms.deviceCompute() - terms.edgeCompute() - terms.cloudCompute();
                int steps = p.request().outputTokens() - 1;
                paths.add(new ServedPath(placements.get(k), ttftTransfer,
                        steps > 0 ? Math.max(0.0, latencyTransfer - ttftTransfer) / steps : 0.0));
            }
            paths.sort(java.util.Comparator.comparingInt(x -> x.placement().request()));
            return groups;
        }

        RequestMetrics finish(Pending p, ServingGroups.PlacementTimes times) {
            RequestClass request = p.request();
            ServingTime.Terms terms = p.terms();
            Link link = p.link();
            User user = p.user();
            Architecture arch = p.arch();
            double bpp = p.precision().bytesPerParam();
            double up = Radio.transferTime(terms.uplinkBits(), link.uplinkRate());
            double down = Radio.transferTime(terms.downlinkBits(), link.downlinkRate());
            double[] comm = {up, down, terms.backhaul()};
            double[] compute = times.byKind();
            double ttftFixed = terms.ttft(link.uplinkRate(), link.downlinkRate()) - terms.prefill();
            double latencyFixed = terms.latency(link.uplinkRate(), link.downlinkRate()) - terms.deviceCompute()
                    - terms.edgeCompute() - terms.cloudCompute();
            double ttft = ttftFixed + times.ttftMean();
            double latency = latencyFixed + times.totalMean();
            double q = request.percentile();
            double ttftQ = ServingGroups.quantile(q, ttftFixed, times, false);
            double latencyQ = ServingGroups.quantile(q, latencyFixed, times, true);
            // Loads.
            String site = null;
            double kvLatency = Double.isFinite(latency) ? latency : terms.latency(link.uplinkRate(), link.downlinkRate());
            for (int i = 0; i < p.stages().size(); i++) {
                Stage stage = p.stages().get(i);
                Node node = p.nodes().get(i);
                double flops = Compute.requestFlops(arch, stage.firstLayer(), stage.lastLayer(), request.promptTokens(),
                        request.outputTokens());
                double kv = ServingTime.kvCacheBytes(arch, request, kvLatency, stage.firstLayer(), stage.lastLayer());
                if (node.kind() == Node.Kind.SITE) {
                    site = site == null ? stage.node() : site;
                    siteLoad[node.index()] += request.rate() * flops;
                    siteKv[node.index()] += kv;
                    Variant variant = p.variant();
                    for (int b = 0; b < variant.blockCount(); b++) {
                        boolean[] held = siteLayers[node.index()].computeIfAbsent(variant.block(b),
                                x -> new boolean[arch.layers() + 2]);
                        for (int l = stage.firstLayer(); l < stage.lastLayer(); l++) {
                            held[l] = true;
                        }
                        held[arch.layers()] |= stage.firstLayer() == 0;
                        held[arch.layers() + 1] |= stage.lastLayer() == arch.layers();
                    }
                } else if (node.kind() == Node.Kind.DEVICE) {
                    userLoad[user.index()] += request.rate() * flops;
                    userMemory[user.index()] += Memory.weightBytesForLayers(arch, bpp, stage.firstLayer(), stage.lastLayer())
                            + kv;
                }
            }
            Profile deviceProfile = instance.deviceOf(user);
            double energy = ServingTime.deviceEnergy(deviceProfile, terms.deviceCompute(), link.uplinkPower(), comm[0]);
            userEnergyRate[user.index()] += request.rate() * energy;

            boolean sloMet = ttftQ <= request.ttftSlo() * (1 + 1e-9) && latencyQ <= request.latencySlo() * (1 + 1e-9);
            return new RequestMetrics(request.id(), p.serving().mode().jsonName(), p.variant().id(), site, true, comm[0],
                    comm[1], comm[2], compute[0], compute[1], compute[2], ttft, latency, sloMet, p.variant().quality(),
                    energy, q, ttftQ, latencyQ, times.utilisation());
        }

        // ------------------------------------------------------------ capacities

        double residentWeights(int s) {
            double bytes = 0.0;
            for (Map.Entry<Integer, boolean[]> entry : siteLayers[s].entrySet()) {
                Block block = instance.catalog().blocks().get(entry.getKey());
                boolean[] held = entry.getValue();
                int layers = held.length - 2;
                int count = 0;
                for (int l = 0; l < layers; l++) {
                    count += held[l] ? 1 : 0;
                }
                if (block.kind() == Block.Kind.ADAPTER) {
                    bytes += block.bytes() * count / layers;
                } else {
                    Variant owner = instance.variants().get(instance.variantIndex(block.id()));
                    Architecture arch = instance.catalog().architectureOf(owner);
                    double bpp = instance.catalog().precisionOf(owner).bytesPerParam();
                    double params = count * arch.layerParams() + (held[layers] ? arch.embeddingParams() : 0.0)
                            + (held[layers + 1] ? (arch.tiedEmbeddings() ? (held[layers] ? 0.0 : arch.embeddingParams())
                                    : arch.headParams()) : 0.0);
                    bytes += params * bpp;
                }
            }
            return bytes;
        }

        double siteCapacity(Site site) {
            Profile gpu = instance.gpuOf(site);
            return gpu == null ? 0.0 : site.gpus() * gpu.peakFlops("fp16") * gpu.efficiency();
        }

        double siteMemory(Site site) {
            Profile gpu = instance.gpuOf(site);
            return gpu == null ? 0.0 : site.gpus() * gpu.memory();
        }

        double[] weightsBySite;

        List<SiteMetrics> siteChecks() {
            List<SiteMetrics> out = new ArrayList<>();
            weightsBySite = new double[siteCount];
            for (Site site : instance.sites()) {
                int s = site.index();
                double weights = residentWeights(s);
                weightsBySite[s] = weights;
                double memory = siteMemory(site);
                double capacity = siteCapacity(site);
                if (tolerances.exceeds(weights + siteKv[s], memory)) {
                    violation(PlanViolation.Kind.GPU_MEMORY, "", site.id(), weights + siteKv[s], memory,
                            String.format(Locale.ROOT, "site %s needs %.4g GB of GPU memory (weights %.4g GB, KV cache"
                                    + " %.4g GB) but has %.4g GB", site.id(), (weights + siteKv[s]) / 1e9, weights / 1e9,
                                    siteKv[s] / 1e9, memory / 1e9));
                }
                if (tolerances.exceeds(siteLoad[s], capacity)) {
                    violation(PlanViolation.Kind.COMPUTE, "", site.id(), siteLoad[s], capacity,
                            String.format(Locale.ROOT, "site %s is asked for %.4g TFLOP/s but sustains %.4g TFLOP/s",
                                    site.id(), siteLoad[s] / 1e12, capacity / 1e12));
                }
                if (tolerances.exceeds(ulUsed[s], site.uplinkBandwidth())) {
                    violation(PlanViolation.Kind.UPLINK_BANDWIDTH, "/radio", site.id(), ulUsed[s], site.uplinkBandwidth(),
                            String.format(Locale.ROOT, "site %s grants %.4g MHz of uplink but has %.4g MHz", site.id(),
                                    ulUsed[s] / 1e6, site.uplinkBandwidth() / 1e6));
                }
                if (tolerances.exceeds(dlUsed[s], site.downlinkBandwidth())) {
                    violation(PlanViolation.Kind.DOWNLINK_BANDWIDTH, "/radio", site.id(), dlUsed[s],
                            site.downlinkBandwidth(), String.format(Locale.ROOT,
                                    "site %s grants %.4g MHz of downlink but has %.4g MHz", site.id(), dlUsed[s] / 1e6,
                                    site.downlinkBandwidth() / 1e6));
                }
                if (tolerances.exceeds(powerUsed[s], site.txPower())) {
                    violation(PlanViolation.Kind.SITE_POWER, "/radio", site.id(), powerUsed[s], site.txPower(),
                            String.format(Locale.ROOT, "site %s transmits %.4g W in all but has %.4g W", site.id(),
                                    powerUsed[s], site.txPower()));
                }
                int cachedCount = 0;
                for (boolean c : cached[s]) {
                    cachedCount += c ? 1 : 0;
                }
                out.add(new SiteMetrics(site.id(), storageUsed[s], site.storage(), weights, siteKv[s], memory, siteLoad[s],
                        capacity, ulUsed[s], site.uplinkBandwidth(), dlUsed[s], site.downlinkBandwidth(), powerUsed[s],
                        site.txPower(), cachedCount, siteUtilisation[s]));
            }
            return out;
        }

        List<UserMetrics> userChecks() {
            List<UserMetrics> out = new ArrayList<>();
            double horizon = instance.workload().horizon();
            for (User user : instance.users()) {
                int u = user.index();
                Profile device = instance.deviceOf(user);
                double energy = userEnergyRate[u] * horizon;
                double capacity = device.peakFlops("fp16") * device.efficiency();
                if (tolerances.exceeds(energy, user.energyBudget())) {
                    violation(PlanViolation.Kind.ENERGY, "", user.id(), energy, user.energyBudget(),
                            String.format(Locale.ROOT, "user %s spends %.4g J over the horizon but has a budget of %.4g J",
                                    user.id(), energy, user.energyBudget()));
                }
                if (tolerances.exceeds(userMemory[u], device.memory())) {
                    violation(PlanViolation.Kind.DEVICE_MEMORY, "", user.id(), userMemory[u], device.memory(),
                            String.format(Locale.ROOT, "device of %s needs %.4g GB but has %.4g GB", user.id(),
                                    userMemory[u] / 1e9, device.memory() / 1e9));
                }
                if (tolerances.exceeds(userLoad[u], capacity)) {
                    violation(PlanViolation.Kind.COMPUTE, "", user.id(), userLoad[u], capacity,
                            String.format(Locale.ROOT, "device of %s is asked for %.4g TFLOP/s but sustains %.4g TFLOP/s",
                                    user.id(), userLoad[u] / 1e12, capacity / 1e12));
                }
                out.add(new UserMetrics(user.id(), energy, user.energyBudget(), userMemory[u], device.memory(),
                        userLoad[u], capacity));
            }
            return out;
        }

        // ------------------------------------------------------------ training

        List<JobMetrics> training() {
            TrainingRun[] runs = new TrainingRun[instance.training().jobs().size()];
            String[] paths = new String[runs.length];
            for (int i = 0; i < plan.training().size(); i++) {
                TrainingRun run = plan.training().get(i);
                String path = "/training/" + i;
                int j = instance.jobIndex(run.job());
                if (j < 0) {
                    violation(PlanViolation.Kind.UNKNOWN_ID, path + "/job", run.job(), Double.NaN, Double.NaN,
                            "schedules job \"" + run.job() + "\", which the instance does not have");
                } else if (runs[j] != null) {
                    violation(PlanViolation.Kind.DUPLICATE, path, run.job(), Double.NaN, Double.NaN,
                            "job \"" + run.job() + "\" is scheduled twice");
                } else {
                    runs[j] = run;
                    paths[j] = path;
                }
            }
            List<JobMetrics> out = new ArrayList<>();
            double[] rate = new double[runs.length];
            double[] stateBytes = new double[runs.length];
            int[] siteOf = new int[runs.length];
            for (TrainingJob job : instance.training().jobs()) {
                int j = job.index();
                TrainingRun run = runs[j];
                siteOf[j] = -1;
                Variant base = instance.variants().get(job.base());
                Architecture arch = instance.catalog().architectureOf(base);
                double adapterParams = job.isLora() ? job.adapter().params() : 0.0;
                double work = Compute.trainingFlops(arch, adapterParams, job.isLora(), job.tokens(), job.epochs());
                if (run == null) {
                    out.add(new JobMetrics(job.id(), null, Double.NaN, Double.NaN, Double.NaN, false, false,
                            Double.POSITIVE_INFINITY));
                    continue;
                }
                String path = paths[j];
                int s = instance.siteIndex(run.site());
                int before = violations.size();
                if (s < 0) {
                    violation(PlanViolation.Kind.UNKNOWN_ID, path + "/site", run.site(), Double.NaN, Double.NaN,
                            "runs job " + job.id() + " at site \"" + run.site() + "\", which the instance does not have");
                } else if (!instance.sites().get(s).hasGpus()) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/site", run.site(), Double.NaN, Double.NaN,
                            "site " + run.site() + " has no GPUs to train on");
                } else if (job.site() >= 0 && job.site() != s) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/site", run.site(), Double.NaN, Double.NaN,
                            "job " + job.id() + " must run at " + instance.sites().get(job.site()).id());
                }
                if (!(run.end() > run.start()) || !Double.isFinite(run.end())) {
                    violation(PlanViolation.Kind.TRAINING_WINDOW, path, job.id(), run.end(), run.start(),
                            "job " + job.id() + " ends at " + run.end() + " s, not after its start " + run.start() + " s");
                }
                if (run.start() < job.release() - 1e-9) {
                    violation(PlanViolation.Kind.TRAINING_WINDOW, path + "/start", job.id(), run.start(), job.release(),
                            "job " + job.id() + " starts at " + run.start() + " s, before its release at "
                                    + job.release() + " s");
                }
                if (run.splitLayer() >= arch.layers()) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/splitLayer", job.id(), run.splitLayer(),
                            arch.layers() - 1, "split layer " + run.splitLayer() + " leaves no layer for the site");
                }
                if (job.privacy() == Privacy.DEVICE && run.splitLayer() == 0) {
                    violation(PlanViolation.Kind.PRIVACY, path + "/splitLayer", job.id(), Double.NaN, Double.NaN,
                            "training data of " + job.id() + " may not leave the device; use split fine-tuning"
                                    + " (splitLayer >= 1) so the first layers run on the device");
                }
                if (run.splitLayer() > 0 && job.user() < 0) {
                    violation(PlanViolation.Kind.MALFORMED, path + "/splitLayer", job.id(), Double.NaN, Double.NaN,
                            "split fine-tuning needs the job's user device, and job " + job.id() + " names no user");
                }
                if (violations.size() != before) {
                    out.add(new JobMetrics(job.id(), run.site(), run.start(), run.end(), Double.NaN, true, false,
                            Double.NaN));
                    continue;
                }
                Site site = instance.sites().get(s);
                int siteLayersRun = arch.layers() - run.splitLayer();
                double siteWork = work * siteLayersRun / arch.layers();
                double minimum = siteWork / siteCapacity(site);
                rate[j] = siteWork / (run.end() - run.start());
                stateBytes[j] = Memory.trainingStateBytes(arch, job.isLora() ? adapterParams : arch.params(), 2.0,
                        job.batchTokens(), siteLayersRun);
                siteOf[j] = s;
                boolean onTime = run.end() <= job.deadline() * (1 + 1e-9);
                out.add(new JobMetrics(job.id(), run.site(), run.start(), run.end(), minimum, true, onTime,
                        Math.max(0.0, run.end() - job.deadline())));
            }
            checkTrainingCapacity(runs, rate, stateBytes, siteOf, paths);
            return out;
        }

        /** At every start instant on every site: compute and memory of the overlapping runs. */
        void checkTrainingCapacity(TrainingRun[] runs, double[] rate, double[] stateBytes, int[] siteOf, String[] paths) {
            for (Site site : instance.sites()) {
                int s = site.index();
                double compute = siteCapacity(site) - siteLoad[s];
                double memory = siteMemory(site) - (weightsBySite == null ? 0.0 : weightsBySite[s]) - siteKv[s];
                boolean computeReported = false;
                boolean memoryReported = false;
                for (int j = 0; j < runs.length; j++) {
                    if (siteOf[j] != s) {
                        continue;
                    }
                    double instant = runs[j].start();
                    double flops = 0.0;
                    double bytes = 0.0;
                    Map<Integer, Double> bases = new HashMap<>();
                    for (int k = 0; k < runs.length; k++) {
                        if (siteOf[k] == s && runs[k].start() <= instant && instant < runs[k].end()) {
                            flops += rate[k];
                            bytes += stateBytes[k];
                            TrainingJob job = instance.training().jobs().get(k);
                            Variant base = instance.variants().get(job.base());
                            Architecture arch = instance.catalog().architectureOf(base);
                            double baseBytes = Memory.weightBytesForLayers(arch,
                                    instance.catalog().precisionOf(base).bytesPerParam(), runs[k].splitLayer(),
                                    arch.layers());
                            bases.merge(job.base(), baseBytes, Math::max);
                        }
                    }
                    for (double b : bases.values()) {
                        bytes += b;
                    }
                    if (!computeReported && tolerances.exceeds(flops, Math.max(0.0, compute))) {
                        computeReported = true;
                        violation(PlanViolation.Kind.TRAINING_COMPUTE, paths[j], site.id(), flops, Math.max(0.0, compute),
                                String.format(Locale.ROOT, "at t = %.4g s, training at site %s needs %.4g TFLOP/s but"
                                        + " inference leaves %.4g TFLOP/s", instant, site.id(), flops / 1e12,
                                        Math.max(0.0, compute) / 1e12));
                    }
                    if (!memoryReported && tolerances.exceeds(bytes, Math.max(0.0, memory))) {
                        memoryReported = true;
                        violation(PlanViolation.Kind.TRAINING_MEMORY, paths[j], site.id(), bytes, Math.max(0.0, memory),
                                String.format(Locale.ROOT, "at t = %.4g s, training at site %s needs %.4g GB of GPU memory"
                                        + " (base weights once per base) but inference leaves %.4g GB", instant, site.id(),
                                        bytes / 1e9, Math.max(0.0, memory) / 1e9));
                    }
                }
            }
        }

        // ------------------------------------------------------------ summary

        Summary summary(List<RequestMetrics> requests, List<JobMetrics> jobs) {
            double total = 0.0;
            double served = 0.0;
            double sloMet = 0.0;
            double weighted = 0.0;
            double weightedMet = 0.0;
            double hits = 0.0;
            double latencySum = 0.0;
            double maxLatency = 0.0;
            int servedClasses = 0;
            for (RequestClass request : instance.requests()) {
                RequestMetrics metrics = requests.get(request.index());
                total += request.rate();
                weighted += request.rate() * request.weight();
                if (isHit(request)) {
                    hits += request.rate();
                }
                if (metrics.served()) {
                    servedClasses++;
                    served += request.rate();
                    latencySum += request.rate() * metrics.latency();
                    maxLatency = Math.max(maxLatency, metrics.latency());
                    if (metrics.sloMet()) {
                        sloMet += request.rate();
                        weightedMet += request.rate() * request.weight();
                    }
                }
            }
            double devicePower = 0.0;
            for (double rate : userEnergyRate) {
                devicePower += rate;
            }
            int onTime = 0;
            double tardiness = 0.0;
            for (JobMetrics job : jobs) {
                onTime += job.onTime() ? 1 : 0;
                double weight = instance.training().jobs().get(instance.jobIndex(job.job())).weight();
                tardiness += Double.isFinite(job.tardiness()) ? weight * job.tardiness() : 0.0;
            }
            return new Summary(instance.requests().size(), servedClasses, total, served, sloMet,
                    weighted > 0 ? weightedMet / weighted : 1.0, total > 0 ? hits / total : 0.0,
                    served > 0 ? latencySum / served : Double.NaN, servedClasses > 0 ? maxLatency : Double.NaN,
                    devicePower, jobs.size(), onTime, tardiness, violations.size());
        }

        /** A hit: some site that reaches the request ({@link CacheReach}: home, or linked within the SLO) caches it. */
        boolean isHit(RequestClass request) {
            for (int s : reach.sites(request)) {
                if (cached[s][request.variant()]) {
                    return true;
                }
            }
            return false;
        }
    }
}
