package org.meiplan.solvers.caching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meiplan.models.formulations.caching.CachingProblem;

/**
 * The lazy greedy ({@link LazyGreedyCaching}) followed by per-site re-fill, a block-coordinate ascent: site by
 * site, with the other sites' caches fixed, the site's whole cache is replaced by the best of, for every set B
 * of shared blocks (blocks used by two variants or more, e.g. bases) that fits the site, "store B, then add the
 * variants whose shared blocks are all in B by marginal gain per private byte while they fit". A replacement is
 * kept only when it is worth more; passes repeat until one changes nothing (at most {@link #passes}).
 *
 * <p><b>Guarantee.</b> Never worse than the greedy (each accepted move raises the objective: with the other
 * sites fixed the objective is the others' value plus an additive gain of the site's variants). No further
 * factor is claimed; read the gap to {@link LpBound}. A site with more than {@value #MAX_SHARED} shared blocks
 * that fit it and carry gain is left as it is.
 *
 * <p><b>Running time.</b> Per site and pass O(Σ entries at s · reach + 2^b · V log V), b = shared blocks that
 * fit s and carry gain (4 for the built-in catalog's four bases).
 */
public final class SiteRefillCaching implements CachingAlgorithm {

    /** Sites with more relevant shared blocks are skipped (2^b subsets). */
    static final int MAX_SHARED = 12;

    private final int passes;
    private final boolean pairMoves;

    /** At most 20 passes, with pair moves. */
    public SiteRefillCaching() {
        this(20, true);
    }

    /** @param pairMoves whether a pass that changes no single site tries pairs of sites that share requests */
    public SiteRefillCaching(int passes, boolean pairMoves) {
        if (passes < 0) {
            throw new IllegalArgumentException("passes must be ≥ 0, got " + passes);
        }
        this.passes = passes;
        this.pairMoves = pairMoves;
    }

    @Override
    public String name() {
        return "greedy-refill";
    }

    @Override
    public CachingResult solve(CachingProblem problem) {
        long t0 = System.nanoTime();
        CachingResult greedy = new LazyGreedyCaching().solve(problem);
        long t1 = System.nanoTime();
        boolean[][] cache = refill(problem, greedy.cached(), passes, pairMoves);
        long t2 = System.nanoTime();
        return new CachingResult(name(), cache, problem.value(cache), Double.NaN, "FEASIBLE", "lazy-greedy+refill",
                (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, -1);
    }

    /** Re-fills the sites of a feasible cache in turn, at most {@code passes} times; returns a new cache. */
    static boolean[][] refill(CachingProblem problem, boolean[][] start, int passes, boolean pairMoves) {
        boolean[][] cache = CachingResult.copy(start);
        CacheState index = new CacheState(problem);
        int variants = problem.variants();
        int[] uses = new int[problem.blocks()];
        for (int v = 0; v < variants; v++) {
            for (int i = 0; i < problem.variantBlockCount(v); i++) {
                uses[problem.variantBlock(v, i)]++;
            }
        }
        double[] gain = new double[variants];
        int[][] siteGroups = pairMoves ? siteGroups(problem) : null;
        Moves moves = new Moves(problem.sites());
        for (int pass = 0; pass < passes; pass++) {
            boolean changed = false;
            for (int s = 0; s < problem.sites(); s++) {
                siteGains(problem, index, cache, s, gain);
                double current = 0.0;
                for (int v = 0; v < variants; v++) {
                    if (cache[s][v]) {
                        current += gain[v];
                    }
                }
                boolean[] best = bestSiteCache(problem, s, gain, uses, current);
                if (best != null) {
                    cache[s] = best;
                    moves.changed(s);
                    changed = true;
                }
            }
            if (!changed && pairMoves) {
                changed = pairPass(problem, index, cache, uses, siteGroups, moves);
            }
            if (!changed) {
                break;
            }
        }
        return cache;
    }

    /** For every site, the groups it reaches (ascending). */
    private static int[][] siteGroups(CachingProblem problem) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int s = 0; s < problem.sites(); s++) {
            lists.add(new ArrayList<>());
        }
        for (int g = 0; g < problem.groups(); g++) {
            for (int i = 0; i < problem.groupReach(g); i++) {
                lists.get(problem.groupSite(g, i)).add(g);
            }
        }
        int[][] out = new int[problem.sites()][];
        for (int s = 0; s < problem.sites(); s++) {
            out[s] = lists.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * One pass of pair moves: for every two sites s &lt; t that reach a common group, and every pair of shared-block
     * sets (B_s, B_t), empty t, re-fill s for B_s, then re-fill t for B_t given the new s; keep the best pair of
     * caches when it beats the current one on the groups the two sites reach (all others are unchanged).
     */
    private static boolean pairPass(CachingProblem problem, CacheState index, boolean[][] cache, int[] uses,
            int[][] siteGroups, Moves moves) {
        int sites = problem.sites();
        int variants = problem.variants();
        double[] gainS = new double[variants];
        double[] gainT = new double[variants];
        double[] value = new double[1];
        boolean changed = false;
        if (moves.neighbours == null) {
            moves.neighbours = neighbours(problem, sites);
        }
        for (int s = 0; s < sites; s++) {
            for (int t : moves.neighbours[s]) {
                if (t < s || !moves.worthExamining(s, t)) {
                    continue; // each pair once; skip pairs whose neighbourhood is as when they were last tried
                }
                int[] groups = union(siteGroups[s], siteGroups[t]);
                boolean[] keepS = cache[s];
                boolean[] keepT = cache[t];
                double bestValue = localValue(problem, cache, groups) * (1.0 + 1e-12);
                boolean[] bestS = null;
                boolean[] bestT = null;
                cache[t] = new boolean[variants];
                siteGains(problem, index, cache, s, gainS);
                List<boolean[]> setsS = sharedBlockSets(problem, s, gainS, uses);
                for (int a = 0; setsS != null && a < setsS.size(); a++) {
                    cache[s] = fill(problem, s, gainS, uses, setsS.get(a), value);
                    siteGains(problem, index, cache, t, gainT);
                    List<boolean[]> setsT = sharedBlockSets(problem, t, gainT, uses);
                    for (int b = 0; setsT != null && b < setsT.size(); b++) {
                        cache[t] = fill(problem, t, gainT, uses, setsT.get(b), value);
                        double v = localValue(problem, cache, groups);
                        if (v > bestValue) {
                            bestValue = v;
                            bestS = cache[s];
                            bestT = cache[t];
                        }
                    }
                    cache[t] = new boolean[variants];
                }
                cache[s] = bestS != null ? bestS : keepS;
                cache[t] = bestT != null ? bestT : keepT;
                if (bestS != null) {
                    moves.changed(s);
                    moves.changed(t);
                    changed = true;
                }
                moves.examined(s, t);
            }
        }
        return changed;
    }

    /** For every site, the other sites that reach a group it reaches (ascending). */
    private static int[][] neighbours(CachingProblem problem, int sites) {
        java.util.BitSet[] adjacent = new java.util.BitSet[sites];
        for (int s = 0; s < sites; s++) {
            adjacent[s] = new java.util.BitSet(sites);
        }
        for (int g = 0; g < problem.groups(); g++) {
            for (int i = 0; i < problem.groupReach(g); i++) {
                for (int k = 0; k < problem.groupReach(g); k++) {
                    if (i != k) {
                        adjacent[problem.groupSite(g, i)].set(problem.groupSite(g, k));
                    }
                }
            }
        }
        int[][] out = new int[sites][];
        for (int s = 0; s < sites; s++) {
            out[s] = adjacent[s].stream().toArray();
        }
        return out;
    }

    /**
     * "Don't look" bookkeeping for pair moves: when each site's cache last changed, and when each pair was last
     * tried. A pair (s, t) is worth trying again only if s, t or a neighbour of either changed since, because
     * its best move depends on nothing else.
     */
    private static final class Moves {
        private final int sites;
        private final long[] changedAt;
        private final java.util.Map<Long, Long> examinedAt = new java.util.HashMap<>();
        private long clock = 1;
        int[][] neighbours;

        Moves(int sites) {
            this.sites = sites;
            this.changedAt = new long[sites];
        }

        void changed(int s) {
            changedAt[s] = clock++;
        }

        void examined(int s, int t) {
            examinedAt.put((long) s * sites + t, clock++);
        }

        boolean worthExamining(int s, int t) {
            Long last = examinedAt.get((long) s * sites + t);
            if (last == null) {
                return true;
            }
            for (int u : new int[] {s, t}) {
                if (changedAt[u] > last) {
                    return true;
                }
                for (int w : neighbours[u]) {
                    if (changedAt[w] > last) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The sorted union of two ascending arrays. */
    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            out[n++] = next;
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Σ over these groups of the best value of a cached reaching site. */
    private static double localValue(CachingProblem problem, boolean[][] cache, int[] groups) {
        double total = 0.0;
        for (int g : groups) {
            int v = problem.groupVariant(g);
            double best = 0.0;
            for (int i = 0; i < problem.groupReach(g); i++) {
                if (cache[problem.groupSite(g, i)][v]) {
                    best = Math.max(best, problem.groupValue(g, i));
                }
            }
            total += best;
        }
        return total;
    }

    /** gain[v] = Σ over the groups of v that s reaches of (value from s − best value from the other sites)⁺. */
    private static void siteGains(CachingProblem problem, CacheState index, boolean[][] cache, int s, double[] gain) {
        int variants = problem.variants();
        for (int v = 0; v < variants; v++) {
            gain[v] = 0.0;
            int e = s * variants + v;
            for (int k = index.start[e]; k < index.start[e + 1]; k++) {
                int g = index.entryGroup[k];
                double other = 0.0;
                for (int i = 0; i < problem.groupReach(g); i++) {
                    int t = problem.groupSite(g, i);
                    if (t != s && cache[t][v]) {
                        other = Math.max(other, problem.groupValue(g, i));
                    }
                }
                gain[v] += Math.max(0.0, index.entryValue[k] - other);
            }
        }
    }

    /** The best cache of site s over the subsets of its relevant shared blocks, or null if none beats current. */
    private static boolean[] bestSiteCache(CachingProblem problem, int s, double[] gain, int[] uses, double current) {
        List<boolean[]> masks = sharedBlockSets(problem, s, gain, uses);
        if (masks == null) {
            return null;
        }
        double bestValue = current * (1.0 + 1e-12);
        boolean[] best = null;
        double[] value = new double[1];
        for (boolean[] in : masks) {
            boolean[] set = fill(problem, s, gain, uses, in, value);
            if (value[0] > bestValue) {
                bestValue = value[0];
                best = set;
            }
        }
        return best;
    }

    /**
     * The sets B of shared blocks that fit site s, over the shared blocks of variants with positive gain
     * (as membership arrays over blocks); null when there are more than {@value #MAX_SHARED} of those.
     */
    private static List<boolean[]> sharedBlockSets(CachingProblem problem, int s, double[] gain, int[] uses) {
        double capacity = problem.storage(s) * (1.0 + CacheState.TOLERANCE);
        List<Integer> shared = new ArrayList<>();
        boolean[] relevant = new boolean[problem.blocks()];
        for (int v = 0; v < problem.variants(); v++) {
            if (gain[v] > 0.0 && problem.variantBytes(v) <= capacity) {
                for (int i = 0; i < problem.variantBlockCount(v); i++) {
                    int j = problem.variantBlock(v, i);
                    if (uses[j] >= 2 && !relevant[j]) {
                        relevant[j] = true;
                        shared.add(j);
                    }
                }
            }
        }
        if (shared.size() > MAX_SHARED) {
            return null;
        }
        List<boolean[]> sets = new ArrayList<>();
        for (int mask = 0; mask < 1 << shared.size(); mask++) {
            boolean[] in = new boolean[problem.blocks()];
            double used = 0.0;
            for (int k = 0; k < shared.size(); k++) {
                if ((mask >> k & 1) != 0) {
                    in[shared.get(k)] = true;
                    used += problem.blockBytes(shared.get(k));
                }
            }
            if (used <= capacity) {
                sets.add(in);
            }
        }
        return sets;
    }

    /**
     * Site s's cache for the shared-block set {@code in}: store it, then add the variants whose shared blocks are
     * all in it by gain per private byte while they fit. Writes the cache's additive gain to {@code value[0]}.
     */
    private static boolean[] fill(CachingProblem problem, int s, double[] gain, int[] uses, boolean[] in,
            double[] value) {
        double capacity = problem.storage(s) * (1.0 + CacheState.TOLERANCE);
        double used = 0.0;
        for (int j = 0; j < problem.blocks(); j++) {
            if (in[j]) {
                used += problem.blockBytes(j);
            }
        }
        // candidates: positive gain, every shared block in B; cost = private bytes
        List<double[]> items = new ArrayList<>();
        for (int v = 0; v < problem.variants(); v++) {
            if (!(gain[v] > 0.0)) {
                continue;
            }
            double cost = 0.0;
            boolean allowed = true;
            for (int i = 0; i < problem.variantBlockCount(v); i++) {
                int j = problem.variantBlock(v, i);
                if (uses[j] >= 2) {
                    allowed &= in[j];
                } else {
                    cost += problem.blockBytes(j);
                }
            }
            if (allowed) {
                items.add(new double[] {LazyGreedyCaching.ratio(gain[v], cost), cost, v});
            }
        }
        items.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[2], b[2]));
        boolean[] set = new boolean[problem.variants()];
        value[0] = 0.0;
        for (double[] item : items) {
            if (used + item[1] <= capacity) {
                used += item[1];
                int v = (int) item[2];
                set[v] = true;
                value[0] += gain[v];
            }
        }
        return set;
    }
}
