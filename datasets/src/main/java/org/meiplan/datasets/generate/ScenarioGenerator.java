package org.meiplan.datasets.generate;

import org.meiplan.models.physics.PathLoss;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.generate.Scenario.Base;
import org.meiplan.datasets.generate.Scenario.RequestMix;
import org.meiplan.datasets.generate.Scenario.SiteKit;
import org.meiplan.datasets.generate.Scenario.Weighted;
import org.meiplan.models.io.CatalogSource;
import org.meiplan.models.io.Limits;

/**
 * Draws instances of a {@link Scenario} as instance-format JSON trees (format "1", see
 * {@code docs/instance-format.md}), referring to the built-in catalog by id.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded with the seed is split, in a fixed
 * order, into one stream per aspect (layout, users, catalog, workload, training, channel,
 * mobility); nothing iterates a hash map; numbers are rounded (positions to 0.1 m, gains
 * to four significant digits) and written by Jackson, so the same seed gives the same bytes.
 *
 * <p>Channel: each user gets explicit gains to its {@value #GAIN_SITES} nearest sites (the
 * rest are negligible and left out, i.e. gain 0), drawn from the scenario's TR 38.901 path
 * loss with its LOS probability and log-normal shadowing. Snapshots of moving users redraw
 * LOS state and shadowing independently at each snapshot (no spatial correlation).
 *
 * <p>Running time O(users · sites + requests + jobs) per snapshot.
 */
public final class ScenarioGenerator {

    /** Sites per user given an explicit channel gain. */
    public static final int GAIN_SITES = 7;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScenarioGenerator() {
    }

    /** Generates the named built-in scenario at a standard size. */
    public static GeneratedScenario generate(String scenario, Size size, long seed) {
        return generate(Scenarios.byName(scenario), size.sites(), size.users(), size.variants(), seed, size.id());
    }

    /** Generates the named built-in scenario with explicit counts (variants: base and fine-tuned together). */
    public static GeneratedScenario generate(String scenario, int sites, int users, int variants, long seed) {
        return generate(Scenarios.byName(scenario), sites, users, variants, seed, "custom");
    }

    /** Generates any scenario with explicit counts. */
    public static GeneratedScenario generate(Scenario scenario, int sites, int users, int variants, long seed,
            String sizeLabel) {
        if (sites < 1 || users < 1) {
            throw new IllegalArgumentException("Need at least one site and one user, got " + sites + " sites and "
                    + users + " users.");
        }
        if (variants < scenario.bases().size()) {
            throw new IllegalArgumentException("The scenario " + scenario.name() + " has " + scenario.bases().size()
                    + " base models, so it needs at least that many variants; got " + variants + ".");
        }
        String tooLarge = sizeProblem(scenario, sites, users, variants);
        if (tooLarge != null) {
            throw new IllegalArgumentException("Cannot generate " + sites + " sites and " + users + " users: " + tooLarge
                    + ", so the instance reader would refuse the file. Generate at most " + MAX_SITES_TIMES_USERS
                    + " users x sites (e.g. --sites 1000 --users 100000), or split the region into several instances.");
        }
        return new Run(scenario, sites, users, variants, seed, sizeLabel).generate();
    }

    /** The reader's limits, which every generated file keeps (so that every file generated can be read). */
    public static final Limits LIMITS = Limits.DEFAULT;

    /** The most users × sites the reader takes (its channel-gain limit). */
    public static final long MAX_SITES_TIMES_USERS = LIMITS.maxGainEntries();

    /** Why the reader would refuse an instance of these counts, or null: checked before anything is generated. */
    static String sizeProblem(Scenario scenario, int sites, int users, int variants) {
        String scale = LIMITS.scaleProblem(sites, users);
        if (scale != null) {
            return scale;
        }
        long requests = (long) users * scenario.requestsPerUser();
        if (requests > LIMITS.maxRequests()) {
            return requests + " request classes is more than the limit of " + LIMITS.maxRequests();
        }
        if (variants > LIMITS.maxVariants()) {
            return variants + " variants is more than the limit of " + LIMITS.maxVariants();
        }
        long jobs = Math.max(1, Math.round(scenario.training().jobsPerSite() * sites));
        if (jobs > LIMITS.maxJobs()) {
            return jobs + " training jobs is more than the limit of " + LIMITS.maxJobs();
        }
        return null;
    }

    /** One draw: LOS state, then the mean loss plus a Gaussian shadowing term, in dB. */
    static double sampleLossDb(PathLoss law, double d2d, java.util.SplittableRandom random) {
        boolean los = random.nextDouble() < law.losProbability(d2d);
        return law.meanLossDb(d2d, los) + law.shadowSigmaDb(los) * Gaussian.next(random);
    }

    /** One generation: the streams and the pieces shared by every snapshot. */
    private static final class Run {
        private final Scenario scenario;
        private final int siteCount;
        private final int userCount;
        private final int variantCount;
        private final long seed;
        private final String sizeLabel;
        private final SplittableRandom layoutRandom;
        private final SplittableRandom userRandom;
        private final SplittableRandom catalogRandom;
        private final SplittableRandom workloadRandom;
        private final SplittableRandom trainingRandom;
        private final SplittableRandom channelRandom;
        private final SplittableRandom mobilityRandom;

        Run(Scenario scenario, int sites, int users, int variants, long seed, String sizeLabel) {
            this.scenario = scenario;
            this.siteCount = sites;
            this.userCount = users;
            this.variantCount = variants;
            this.seed = seed;
            this.sizeLabel = sizeLabel;
            SplittableRandom root = new SplittableRandom(seed);
            layoutRandom = root.split();
            userRandom = root.split();
            catalogRandom = root.split();
            workloadRandom = root.split();
            trainingRandom = root.split();
            channelRandom = root.split();
            mobilityRandom = root.split();
        }

        GeneratedScenario generate() {
            SiteLayout.Placement placement = scenario.layout().place(siteCount, layoutRandom);
            List<Point> start = scenario.placement().place(userCount, placement.region(), userRandom);
            String[] devices = new String[userCount];
            for (int u = 0; u < userCount; u++) {
                devices[u] = pick(scenario.devices(), userRandom);
            }
            SiteKit[] kits = new SiteKit[siteCount];
            for (int s = 0; s < siteCount; s++) {
                kits[s] = pick(scenario.siteKits(), layoutRandom);
            }
            List<String> variantIds = new ArrayList<>();
            ObjectNode catalog = catalog(variantIds);
            ObjectNode workload = workload(variantIds);
            ObjectNode training = training(start, placement.sites());
            List<List<Point>> positions = scenario.snapshots() == 1 ? List.of(start)
                    : scenario.mobility().trajectories(start, scenario.snapshots(), scenario.snapshotInterval(),
                            placement.region(), mobilityRandom);
            List<ObjectNode> snapshots = new ArrayList<>();
            for (int t = 0; t < positions.size(); t++) {
                ObjectNode root = JSON.objectNode();
                root.put("meiplan", "1");
                String name = scenario.name() + "-" + sizeLabel + "-s" + seed;
                root.put("name", positions.size() == 1 ? name : String.format(Locale.ROOT, "%s-t%02d", name, t));
                root.put("description", scenario.description() + " Generated by meiplan-datasets ScenarioGenerator"
                        + " (scenario " + scenario.name() + ", size " + sizeLabel + ", seed " + seed
                        + (positions.size() == 1 ? "" : ", snapshot " + t + " of " + positions.size() + " at t = "
                                + fmt(t * scenario.snapshotInterval()) + " s") + ").");
                root.set("catalog", catalog.deepCopy());
                root.set("topology", topology(placement.sites(), kits, positions.get(t), devices));
                root.set("workload", workload.deepCopy());
                root.set("training", training.deepCopy());
                snapshots.add(root);
            }
            return new GeneratedScenario(scenario.name(), sizeLabel, seed, snapshots, scenario.snapshotInterval());
        }

        // ------------------------------------------------------------------ catalog

        ObjectNode catalog(List<String> variantIds) {
            List<Weighted<Base>> bases = scenario.bases();
            int fineTuned = variantCount - bases.size();
            int[] perBase = apportion(fineTuned, bases);
            ArrayNode variants = JSON.arrayNode();
            for (Weighted<Base> weighted : bases) {
                Base base = weighted.value();
                ObjectNode v = variants.addObject();
                v.put("id", base.id());
                v.put("architecture", base.architecture());
                v.put("precision", base.precision());
                variantIds.add(base.id());
            }
            for (int b = 0; b < bases.size(); b++) {
                Base base = bases.get(b).value();
                for (int k = 0; k < perBase[b]; k++) {
                    String id = String.format(Locale.ROOT, "%s-ft%03d", base.id(), k);
                    ObjectNode v = variants.addObject();
                    v.put("id", id);
                    v.put("base", base.id());
                    String preset = scenario.loraPresets().get(catalogRandom.nextInt(scenario.loraPresets().size()));
                    v.putObject("adapter").put("ref", preset);
                    variantIds.add(id);
                }
            }
            ObjectNode catalog = JSON.objectNode();
            catalog.set("variants", variants);
            return catalog;
        }

        /** Largest-remainder split of {@code total} by the weights (ties to the earlier entry). */
        private static <T> int[] apportion(int total, List<Weighted<T>> weights) {
            double sum = weights.stream().mapToDouble(Weighted::weight).sum();
            int[] counts = new int[weights.size()];
            double[] remainders = new double[weights.size()];
            int given = 0;
            for (int i = 0; i < counts.length; i++) {
                double exact = total * weights.get(i).weight() / sum;
                counts[i] = (int) Math.floor(exact);
                remainders[i] = exact - counts[i];
                given += counts[i];
            }
            for (; given < total; given++) {
                int best = 0;
                for (int i = 1; i < counts.length; i++) {
                    if (remainders[i] > remainders[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                remainders[best] = -1;
            }
            return counts;
        }

        // ------------------------------------------------------------------ topology

        ObjectNode topology(List<Point> sites, SiteKit[] kits, List<Point> users, String[] devices) {
            Scenario.Radio radio = scenario.radio();
            ObjectNode topology = JSON.objectNode();
            ObjectNode cloud = topology.putObject("cloud");
            cloud.put("profile", "nvidia-h100-sxm");
            cloud.put("gpus", 8);
            topology.put("noiseDensity", "-174 dBm/Hz");
            topology.put("noiseFigureDb", 7);
            ArrayNode siteArray = topology.putArray("sites");
            for (int s = 0; s < sites.size(); s++) {
                ObjectNode site = siteArray.addObject();
                site.put("id", siteId(s));
                position(site, sites.get(s));
                site.put("bandwidth", fmt(radio.bandwidth() / 1e6) + " MHz");
                site.put("txPower", fmt(radio.siteTxDbm()) + " dBm");
                site.put("storage", fmt(kits[s].storage() / 1e12) + " TB");
                site.put("gpu", kits[s].gpu());
                site.put("gpus", kits[s].gpus());
                site.put("backhaulRate", fmt(radio.backhaulRate() / 1e9) + " Gbps");
                site.put("backhaulLatency", fmt(radio.backhaulLatency() * 1e3) + " ms");
            }
            ArrayNode userArray = topology.putArray("users");
            Set<String> phones = new TreeSet<>();
            for (String id : BuiltinCatalog.instance().ids(CatalogSource.Kind.PROFILE)) {
                if ("phone".equals(BuiltinCatalog.instance().find(CatalogSource.Kind.PROFILE, id).path("kind").asText())) {
                    phones.add(id);
                }
            }
            int keep = Math.min(GAIN_SITES, sites.size());
            int[] nearest = new int[keep];
            double[] nearestDistance = new double[keep];
            double[] distance = new double[sites.size()];
            for (int u = 0; u < users.size(); u++) {
                Point p = users.get(u);
                ObjectNode user = userArray.addObject();
                user.put("id", userId(u));
                user.put("device", devices[u]);
                position(user, p);
                user.put("txPower", fmt(radio.userTxDbm()) + " dBm");
                if (scenario.energyBudgetWh() > 0 && phones.contains(devices[u])) {
                    user.put("energyBudget", fmt(scenario.energyBudgetWh()) + " Wh");
                }
                // the keep nearest sites (ties to the lower index), by insertion into a short sorted list
                int found = 0;
                for (int s = 0; s < sites.size(); s++) {
                    double d = p.distanceTo(sites.get(s));
                    distance[s] = d;
                    if (found < keep || d < nearestDistance[found - 1]) {
                        int at = found < keep ? found++ : keep - 1;
                        while (at > 0 && nearestDistance[at - 1] > d) {
                            nearest[at] = nearest[at - 1];
                            nearestDistance[at] = nearestDistance[at - 1];
                            at--;
                        }
                        nearest[at] = s;
                        nearestDistance[at] = d;
                    }
                }
                int[] chosen = nearest.clone();
                Arrays.sort(chosen);
                ObjectNode gains = user.putObject("gains");
                for (int s : chosen) {
                    double loss = sampleLossDb(scenario.pathLoss(), distance[s], channelRandom);
                    gains.put(siteId(s), round4(PathLoss.gainFromLossDb(loss)));
                }
            }
            ArrayNode links = topology.putArray("links");
            for (int a = 0; a < sites.size(); a++) {
                for (int b : neighbours(sites, a)) {
                    if (b > a || !isNeighbour(sites, b, a)) {
                        ObjectNode link = links.addObject();
                        link.putArray("between").add(siteId(Math.min(a, b))).add(siteId(Math.max(a, b)));
                        link.put("rate", fmt(radio.linkRate() / 1e9) + " Gbps");
                        link.put("latency", fmt(radio.linkLatency() * 1e3) + " ms");
                    }
                }
            }
            return topology;
        }

        /** The up-to-three nearest other sites of site a (ties by index). */
        private static int[] neighbours(List<Point> sites, int a) {
            Integer[] order = new Integer[sites.size()];
            for (int s = 0; s < order.length; s++) {
                order[s] = s;
            }
            Point p = sites.get(a);
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(p.distanceTo(sites.get(x)), p.distanceTo(sites.get(y)));
                return c != 0 ? c : Integer.compare(x, y);
            });
            int n = Math.min(3, sites.size() - 1);
            int[] result = new int[n];
            for (int i = 0; i < n; i++) {
                result[i] = order[i + 1];
            }
            return result;
        }

        private static boolean isNeighbour(List<Point> sites, int a, int b) {
            for (int n : neighbours(sites, a)) {
                if (n == b) {
                    return true;
                }
            }
            return false;
        }

        // ------------------------------------------------------------------ workload

        ObjectNode workload(List<String> variantIds) {
            // Popularity ranks: a random permutation of the variants, Zipf over the ranks.
            int[] rankToVariant = permutation(variantIds.size(), workloadRandom);
            Zipf zipf = new Zipf(variantIds.size(), scenario.zipfExponent());
            ObjectNode workload = JSON.objectNode();
            workload.put("horizon", "1 h");
            ArrayNode requests = workload.putArray("requests");
            String[] privacyNames = {"any", "edge", "device"};
            List<Weighted<Integer>> privacy = weights(scenario.privacy());
            for (int u = 0; u < userCount; u++) {
                for (int k = 0; k < scenario.requestsPerUser(); k++) {
                    RequestMix mix = pick(scenario.mixes(), workloadRandom);
                    int variant = rankToVariant[zipf.sample(workloadRandom)];
                    ObjectNode r = requests.addObject();
                    r.put("id", String.format(Locale.ROOT, "rq-%05d-%d", u, k));
                    r.put("user", userId(u));
                    r.put("variant", variantIds.get(variant));
                    // mean rate scaled by a factor in [0.5, 1.5)
                    r.put("rate", round4(mix.rate() * (0.5 + workloadRandom.nextDouble())));
                    r.put("promptTokens", between(mix.promptMin(), mix.promptMax(), workloadRandom));
                    r.put("outputTokens", between(mix.outputMin(), mix.outputMax(), workloadRandom));
                    r.put("ttft", fmt(mix.ttft() * 1e3) + " ms");
                    r.put("latency", fmt(mix.latency() * 1e3) + " ms");
                    r.put("privacy", privacyNames[pick(privacy, workloadRandom)]);
                }
            }
            return workload;
        }

        // ------------------------------------------------------------------ training

        ObjectNode training(List<Point> users, List<Point> sites) {
            Scenario.TrainingMix mix = scenario.training();
            ObjectNode training = JSON.objectNode();
            training.put("horizon", fmt(mix.horizon() / 3600) + " h");
            ArrayNode jobs = training.putArray("jobs");
            int count = Math.max(1, (int) Math.round(mix.jobsPerSite() * siteCount));
            String[] privacyNames = {"any", "edge", "device"};
            List<Weighted<Integer>> privacy = weights(mix.privacy());
            for (int j = 0; j < count; j++) {
                ObjectNode job = jobs.addObject();
                job.put("id", String.format(Locale.ROOT, "job-%04d", j));
                int p = pick(privacy, trainingRandom);
                if (mix.ownedByUsers()) {
                    job.put("user", userId(trainingRandom.nextInt(userCount)));
                } else {
                    job.put("site", siteId(trainingRandom.nextInt(siteCount)));
                }
                Base base = pick(scenario.bases(), trainingRandom);
                job.put("base", base.id());
                job.put("method", "lora");
                String preset = scenario.loraPresets().get(trainingRandom.nextInt(scenario.loraPresets().size()));
                job.putObject("adapter").put("ref", preset);
                job.put("tokens", round4(mix.tokensMin() + trainingRandom.nextDouble() * (mix.tokensMax() - mix.tokensMin())));
                job.put("epochs", (int) Math.round(mix.epochsMin() + trainingRandom.nextDouble() * (mix.epochsMax() - mix.epochsMin())));
                double release = Math.floor(trainingRandom.nextDouble() * mix.releaseWindow() / 60) * 60;
                double slack = Math.floor((mix.slackMin() + trainingRandom.nextDouble() * (mix.slackMax() - mix.slackMin())) / 60) * 60;
                double deadline = Math.min(release + slack, mix.horizon());
                job.put("release", fmt(release) + " s");
                job.put("deadline", fmt(deadline) + " s");
                job.put("privacy", privacyNames[p]);
            }
            return training;
        }

        // ------------------------------------------------------------------ helpers

        private static List<Weighted<Integer>> weights(double[] shares) {
            List<Weighted<Integer>> list = new ArrayList<>();
            for (int i = 0; i < shares.length; i++) {
                if (shares[i] > 0) {
                    list.add(new Weighted<>(shares[i], i));
                }
            }
            return list;
        }

        private static <T> T pick(List<Weighted<T>> choices, SplittableRandom random) {
            double total = 0;
            for (Weighted<T> c : choices) {
                total += c.weight();
            }
            double u = random.nextDouble() * total;
            for (Weighted<T> c : choices) {
                u -= c.weight();
                if (u < 0) {
                    return c.value();
                }
            }
            return choices.get(choices.size() - 1).value();
        }

        private static int[] permutation(int n, SplittableRandom random) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        private static int between(int min, int max, SplittableRandom random) {
            return min + random.nextInt(max - min + 1);
        }

        private static void position(ObjectNode node, Point p) {
            node.putArray("position").add(Math.round(p.x() * 10) / 10.0).add(Math.round(p.y() * 10) / 10.0);
        }

        private static String siteId(int s) {
            return "bs-" + s;
        }

        private static String userId(int u) {
            return "ue-" + u;
        }
    }

    /** A number rounded to four significant digits (StrictMath, so every platform gives the same bits). */
    static double round4(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        int exponent = (int) StrictMath.floor(StrictMath.log10(Math.abs(x)));
        int shift = 3 - exponent;
        BigDecimal rounded = BigDecimal.valueOf(StrictMath.rint(x * StrictMath.pow(10, shift))).scaleByPowerOfTen(-shift);
        return rounded.doubleValue();
    }

    /** A compact decimal for unit strings: no trailing zeros, no exponent for ordinary values. */
    static String fmt(double x) {
        return BigDecimal.valueOf(round4(x)).stripTrailingZeros().toPlainString();
    }
}
