package org.meiplan.models.formulations.caching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.physics.CacheReach;
import org.meiplan.models.plan.SiteCache;

/**
 * The data of parameter-sharing caching, extracted from an {@link Instance}: sites with storage
 * Q_s, blocks with sizes D_j (in whole bytes: {@link #of} rounds each block up, so a cache that fits here fits
 * the instance), variants as block lists, and request <em>groups</em> — request
 * classes with the same variant, the same <em>set</em> of reaching sites ({@link CacheReach}; users
 * of different home sites merge too) and the same value per unit of demand from each of them,
 * merged (their demands rate·weight add up). A group's sites are in ascending order. Group g wants variant v(g) and
 * is worth {@code value(g, i)} when served from its i-th reaching site {@code site(g, i)}.
 *
 * <p>Immutable; accessors return single entries without copying so algorithms can read it in
 * tight loops. Running time of {@link #of}: O(requests · (1 + degree)) plus hashing.
 */
public final class CachingProblem {

    private final String name;
    private final CachingObjective objective;
    private final String[] siteIds;
    private final double[] storage;
    private final String[] blockIds;
    private final double[] blockBytes;
    private final String[] variantIds;
    private final int[][] variantBlocks;
    private final String[] groupIds;
    private final int[] groupVariant;
    private final double[] groupDemand;
    private final int[][] groupSites;
    private final double[][] groupValues;
    private final double totalDemand;
    private final double baseline;

    /**
     * A problem from raw data (tests, synthetic studies). Arrays are copied.
     *
     * @param baseline what the objective's metric is with an empty cache, as a sum over demand (0 for
     *                 the hit ratio; Σ demand·cloud latency for expected latency; Σ demand·cloud cost)
     */
    public CachingProblem(String name, CachingObjective objective, String[] siteIds, double[] storage,
            String[] blockIds, double[] blockBytes, String[] variantIds, int[][] variantBlocks, String[] groupIds,
            int[] groupVariant, double[] groupDemand, int[][] groupSites, double[][] groupValues, double baseline) {
        this.name = Objects.requireNonNull(name, "name");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.siteIds = siteIds.clone();
        this.storage = storage.clone();
        this.blockIds = blockIds.clone();
        this.blockBytes = blockBytes.clone();
        this.variantIds = variantIds.clone();
        this.variantBlocks = deepCopy(variantBlocks);
        this.groupIds = groupIds.clone();
        this.groupVariant = groupVariant.clone();
        this.groupDemand = groupDemand.clone();
        this.groupSites = deepCopy(groupSites);
        this.groupValues = new double[groupValues.length][];
        for (int g = 0; g < groupValues.length; g++) {
            this.groupValues[g] = groupValues[g].clone();
        }
        this.baseline = baseline;
        if (storage.length != siteIds.length || blockBytes.length != blockIds.length
                || variantBlocks.length != variantIds.length || groupVariant.length != groupIds.length
                || groupDemand.length != groupIds.length || groupSites.length != groupIds.length
                || groupValues.length != groupIds.length) {
            throw new IllegalArgumentException("array lengths of the caching problem " + name + " do not match");
        }
        double demand = 0.0;
        for (int g = 0; g < groupIds.length; g++) {
            if (groupSites[g].length != groupValues[g].length) {
                throw new IllegalArgumentException("group " + groupIds[g] + " has " + groupSites[g].length
                        + " sites but " + groupValues[g].length + " values");
            }
            for (double value : groupValues[g]) {
                if (!(value >= 0.0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("group " + groupIds[g] + " has a negative or non-finite value");
                }
            }
            demand += groupDemand[g];
        }
        this.totalDemand = demand;
    }

    /** The problem of an instance under an objective, with the reach rule of {@link CacheReach}. */
    public static CachingProblem of(Instance instance, CachingObjective objective) {
        CacheReach reach = new CacheReach(instance);
        int sites = instance.sites().size();
        String[] siteIds = new String[sites];
        double[] storage = new double[sites];
        for (Site site : instance.sites()) {
            siteIds[site.index()] = site.id();
            storage[site.index()] = site.storage();
        }
        int blocks = instance.catalog().blocks().size();
        String[] blockIds = new String[blocks];
        double[] blockBytes = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            blockIds[j] = instance.catalog().blocks().get(j).id();
            // whole bytes: a block occupies ⌈bytes⌉ on disk (sizes come from parameters × bytes per parameter)
            blockBytes[j] = Math.ceil(instance.catalog().blocks().get(j).bytes());
        }
        int variants = instance.variants().size();
        String[] variantIds = new String[variants];
        int[][] variantBlocks = new int[variants][];
        for (Variant variant : instance.variants()) {
            variantIds[variant.index()] = variant.id();
            variantBlocks[variant.index()] = variant.blocks();
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<Integer> variantOf = new ArrayList<>();
        List<Double> demands = new ArrayList<>();
        List<int[]> sitesOf = new ArrayList<>();
        List<double[]> valuesOf = new ArrayList<>();
        double baseline = 0.0;
        double[] latency = new double[sites + 1];
        for (RequestClass request : instance.requests()) {
            double demand = request.rate() * request.weight();
            if (!(demand > 0.0)) {
                continue;
            }
            int[] reached = reach.sites(request, latency);
            double[] perUnit = new double[reached.length];
            double bytes = reach.requestBits(request) / 8.0;
            double cloud = reach.cloudLatency(request);
            for (int i = 0; i < reached.length; i++) {
                perUnit[i] = objective instanceof CachingObjective.ExpectedLatency ? Math.max(0.0, cloud - latency[i])
                        : objective instanceof CachingObjective.Cost c
                                ? bytes * Math.max(0.0, c.backhaulPerByte() - (i == 0 ? 0.0 : c.linkPerByte()))
                                : 1.0;
            }
            baseline += demand * (objective instanceof CachingObjective.ExpectedLatency ? cloud
                    : objective instanceof CachingObjective.Cost c ? bytes * c.backhaulPerByte() : 0.0);
            // canonical order (by site) so that users of different home sites with the same reach merge
            sortBySite(reached, perUnit);
            String key = request.variant() + "|" + Arrays.toString(reached) + "|" + Arrays.toString(perUnit);
            Integer g = index.get(key);
            if (g == null) {
                g = ids.size();
                index.put(key, g);
                ids.add(request.id());
                variantOf.add(request.variant());
                demands.add(0.0);
                sitesOf.add(reached);
                valuesOf.add(perUnit);
            }
            demands.set(g, demands.get(g) + demand);
        }
        int groups = ids.size();
        double[][] values = new double[groups][];
        for (int g = 0; g < groups; g++) {
            values[g] = valuesOf.get(g).clone();
            for (int i = 0; i < values[g].length; i++) {
                values[g][i] *= demands.get(g);
            }
        }
        return new CachingProblem(instance.name(), objective, siteIds, storage, blockIds, blockBytes, variantIds,
                variantBlocks, ids.toArray(new String[0]), variantOf.stream().mapToInt(Integer::intValue).toArray(),
                demands.stream().mapToDouble(Double::doubleValue).toArray(), sitesOf.toArray(new int[0][]),
                values, baseline);
    }

    // ---------------------------------------------------------------- derived problems

    /** The same problem with other storage capacities (e.g. to study scarcity). */
    public CachingProblem withStorage(double[] capacities) {
        if (capacities.length != storage.length) {
            throw new IllegalArgumentException("need " + storage.length + " capacities, got " + capacities.length);
        }
        return new CachingProblem(name, objective, siteIds, capacities, blockIds, blockBytes, variantIds,
                variantBlocks, groupIds, groupVariant, groupDemand, groupSites, groupValues, baseline);
    }

    /**
     * The same problem without parameter sharing: every variant holds a private copy of each of its
     * blocks (block ids {@code variant/block}), so a cache pays every variant's full size. A plan of this
     * problem is a plan of the original one with at most the same storage.
     */
    public CachingProblem withoutSharing() {
        List<String> ids = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        int[][] blocks = new int[variantIds.length][];
        for (int v = 0; v < variantIds.length; v++) {
            blocks[v] = new int[variantBlocks[v].length];
            for (int i = 0; i < variantBlocks[v].length; i++) {
                blocks[v][i] = ids.size();
                ids.add(variantIds[v] + "/" + blockIds[variantBlocks[v][i]]);
                bytes.add(blockBytes[variantBlocks[v][i]]);
            }
        }
        return new CachingProblem(name + " (no sharing)", objective, siteIds, storage, ids.toArray(new String[0]),
                bytes.stream().mapToDouble(Double::doubleValue).toArray(), variantIds, blocks, groupIds,
                groupVariant, groupDemand, groupSites, groupValues, baseline);
    }

    // ---------------------------------------------------------------- accessors

    public String name() {
        return name;
    }

    public CachingObjective objective() {
        return objective;
    }

    public int sites() {
        return siteIds.length;
    }

    public String siteId(int s) {
        return siteIds[s];
    }

    public double storage(int s) {
        return storage[s];
    }

    public int blocks() {
        return blockIds.length;
    }

    public String blockId(int j) {
        return blockIds[j];
    }

    public double blockBytes(int j) {
        return blockBytes[j];
    }

    public int variants() {
        return variantIds.length;
    }

    public String variantId(int v) {
        return variantIds[v];
    }

    public int variantBlockCount(int v) {
        return variantBlocks[v].length;
    }

    public int variantBlock(int v, int i) {
        return variantBlocks[v][i];
    }

    /** Bytes of all blocks of a variant (what it costs without sharing). */
    public double variantBytes(int v) {
        double total = 0.0;
        for (int j : variantBlocks[v]) {
            total += blockBytes[j];
        }
        return total;
    }

    public int groups() {
        return groupIds.length;
    }

    /** The id of the first request class of the group. */
    public String groupId(int g) {
        return groupIds[g];
    }

    public int groupVariant(int g) {
        return groupVariant[g];
    }

    /** Σ rate·weight of the group's request classes. */
    public double groupDemand(int g) {
        return groupDemand[g];
    }

    public int groupReach(int g) {
        return groupSites[g].length;
    }

    public int groupSite(int g, int i) {
        return groupSites[g][i];
    }

    public double groupValue(int g, int i) {
        return groupValues[g][i];
    }

    /** Σ rate·weight over all request classes. */
    public double totalDemand() {
        return totalDemand;
    }

    /** Whether each group is worth the same from every reaching site (true for the hit ratio). */
    public boolean uniformValues() {
        for (double[] values : groupValues) {
            for (double value : values) {
                if (value != values[0]) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- evaluation

    /** The objective value of a cache: Σ_g max over reaching sites that cache v(g) of value(g, i). */
    public double value(boolean[][] cached) {
        double total = 0.0;
        for (int g = 0; g < groupIds.length; g++) {
            double best = 0.0;
            for (int i = 0; i < groupSites[g].length; i++) {
                if (cached[groupSites[g][i]][groupVariant[g]]) {
                    best = Math.max(best, groupValues[g][i]);
                }
            }
            total += best;
        }
        return total;
    }

    /** Σ_g max_i value(g, i): the value of caching everything everywhere, a trivial upper bound. */
    public double valueOfEverything() {
        double total = 0.0;
        for (double[] values : groupValues) {
            double best = 0.0;
            for (double value : values) {
                best = Math.max(best, value);
            }
            total += best;
        }
        return total;
    }

    /** Bytes of the union of the blocks of the variants cached at a site (a shared block once). */
    public double storageUsed(boolean[] cachedAtSite) {
        boolean[] seen = new boolean[blockIds.length];
        double bytes = 0.0;
        for (int v = 0; v < cachedAtSite.length; v++) {
            if (cachedAtSite[v]) {
                for (int j : variantBlocks[v]) {
                    if (!seen[j]) {
                        seen[j] = true;
                        bytes += blockBytes[j];
                    }
                }
            }
        }
        return bytes;
    }

    /** Whether every site's blocks fit its storage (with a relative tolerance of 1e-9). */
    public boolean fits(boolean[][] cached) {
        for (int s = 0; s < siteIds.length; s++) {
            if (storageUsed(cached[s]) > storage[s] * (1.0 + 1e-9)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The objective's metric for a value: the hit ratio (value / Σ demand), the expected latency in s
     * ((baseline − value) / Σ demand), or the cost per second (baseline − value). Monotone in the value
     * (increasing for the hit ratio, decreasing otherwise), so it maps bounds to bounds.
     */
    public double metric(double value) {
        if (objective instanceof CachingObjective.HitRatio) {
            return totalDemand > 0 ? value / totalDemand : 0.0;
        }
        if (objective instanceof CachingObjective.ExpectedLatency) {
            return totalDemand > 0 ? (baseline - value) / totalDemand : 0.0;
        }
        return baseline - value;
    }

    /** The plan's caching part: one entry per site, its variants in catalog order. */
    public List<SiteCache> toSiteCaches(boolean[][] cached) {
        List<SiteCache> out = new ArrayList<>();
        for (int s = 0; s < siteIds.length; s++) {
            List<String> variants = new ArrayList<>();
            for (int v = 0; v < variantIds.length; v++) {
                if (cached[s][v]) {
                    variants.add(variantIds[v]);
                }
            }
            out.add(new SiteCache(siteIds[s], variants));
        }
        return out;
    }

    /** Site labels, block labels, variant labels and group labels, for naming rows and columns. */
    public List<String> siteLabels() {
        return List.of(siteIds);
    }

    public List<String> blockLabels() {
        return List.of(blockIds);
    }

    public List<String> variantLabels() {
        return List.of(variantIds);
    }

    public List<String> groupLabels() {
        return List.of(groupIds);
    }

    @Override
    public String toString() {
        return "CachingProblem[" + name + ": " + sites() + " sites, " + blocks() + " blocks, " + variants()
                + " variants, " + groups() + " request groups, " + objective.id() + "]";
    }

    /** Sorts the sites ascending, carrying their values along (insertion sort: reach sets are short). */
    private static void sortBySite(int[] sites, double[] values) {
        for (int i = 1; i < sites.length; i++) {
            int site = sites[i];
            double value = values[i];
            int k = i - 1;
            while (k >= 0 && sites[k] > site) {
                sites[k + 1] = sites[k];
                values[k + 1] = values[k];
                k--;
            }
            sites[k + 1] = site;
            values[k + 1] = value;
        }
    }

    private static int[][] deepCopy(int[][] rows) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
