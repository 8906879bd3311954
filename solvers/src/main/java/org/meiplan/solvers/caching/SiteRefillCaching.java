package org.meiplan.solvers.caching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.meiplan.models.formulations.caching.CachingProblem;

/**
 * The lazy greedy ({@link LazyGreedyCaching}) followed by local search: per-site re-fill, pair moves and kicks.
 *
 * <ul>
 *   <li><b>Re-fill</b> (block-coordinate ascent): with the other sites' caches fixed, a site's whole cache is
 *       replaced by the best of, for every set B of shared blocks (blocks used by two variants or more, e.g.
 *       bases) that fits the site, "store B, then add the variants whose shared blocks are all in B by marginal
 *       gain per private byte while they fit", when that is worth more.</li>
 *   <li><b>Pair moves</b>, when no single site improves: for two sites s &lt; t that reach a common group and
 *       every pair (B_s, B_t), empty t, re-fill s for B_s, then t for B_t given the new s; the best pair is kept
 *       when it beats the current caches on the groups the two reach (nothing else changes). Two neighbours can
 *       so swap or trade bases, which no single-site move does without first losing value.</li>
 *   <li><b>Kicks</b> (iterated local search): {@code kicks} times, a seeded random site and one of its
 *       neighbours are reset to one random variant each, the local search runs again, and the result is kept
 *       only if it is worth more than the best so far (else the previous caches come back).</li>
 * </ul>
 * A move is tried again only where something changed: a site's best re-fill depends only on its neighbours'
 * caches (sites reaching a common group), a pair's only on the neighbours of either, so each remembers when it
 * was last tried and is skipped while its neighbourhood is unchanged ("don't look" bits). That keeps a kick's
 * repair local. Deterministic (fixed seed).
 *
 * <p><b>Guarantee.</b> Never worse than the greedy: every accepted move raises the objective (with the other
 * sites fixed the objective is the others' value plus an additive gain of the site's variants), and a kick is
 * undone unless it ends better. Never worse than without pair moves or kicks either (they start where the
 * single-site moves stop; tested). No factor is claimed; read the gap to {@link LpBound}. A site with more
 * than {@value #MAX_SHARED} shared blocks that fit it and carry gain is left as it is.
 *
 * <p><b>Running time.</b> A re-fill of s: O(Σ entries at s · reach + 2^b · V log V), b = shared blocks that fit
 * s and carry gain (4 for the built-in catalog's four bases); a pair move: (2^b)² fills. Passes are at most
 * {@code passes} per local search; after a kick only moves near the two reset sites run, and kicks stop after
 * {@code kicks} rounds or {@value #KICK_WORK} units of work (V per gain computation and per pair-move fill).
 */
public final class SiteRefillCaching implements CachingAlgorithm {

    /** Sites with more relevant shared blocks are skipped (2^b subsets). */
    static final int MAX_SHARED = 12;
    /** Kicks of the default configuration. */
    static final int DEFAULT_KICKS = 40;
    /**
     * Kicks stop once they have spent this much work, counted as V per gain computation and per pair-move fill
     * (about a second on the 2-core bench machine): a deterministic stand-in for a time box.
     */
    static final long KICK_WORK = 25_000_000L;

    private final int passes;
    private final boolean pairMoves;
    private final int kicks;
    private final BooleanSupplier stop;

    /** At most 20 passes per local search, pair moves, {@value #DEFAULT_KICKS} kicks. */
    public SiteRefillCaching() {
        this(20, true, DEFAULT_KICKS);
    }

    /**
     * The default configuration, stopped early (between two moves, keeping the best cache so far) once {@code stop}
     * says so — a deadline or a cancellation. The answer is then never worse than the lazy greedy's.
     */
    public SiteRefillCaching(BooleanSupplier stop) {
        this(20, true, DEFAULT_KICKS, stop);
    }

    /**
     * @param passes    passes of one local search (0: the greedy's cache)
     * @param pairMoves whether a pass that changes no single site tries pairs of sites that share requests
     * @param kicks     iterated-local-search rounds after the first local search
     */
    public SiteRefillCaching(int passes, boolean pairMoves, int kicks) {
        this(passes, pairMoves, kicks, () -> false);
    }

    private SiteRefillCaching(int passes, boolean pairMoves, int kicks, BooleanSupplier stop) {
        this.stop = java.util.Objects.requireNonNull(stop, "stop");
        if (passes < 0 || kicks < 0) {
            throw new IllegalArgumentException("passes and kicks must be ≥ 0, got " + passes + " and " + kicks);
        }
        this.passes = passes;
        this.pairMoves = pairMoves;
        this.kicks = kicks;
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
        boolean[][] cache = improve(problem, greedy.cached(), passes, pairMoves, kicks, stop);
        long t2 = System.nanoTime();
        return new CachingResult(name(), cache, problem.value(cache), Double.NaN, "FEASIBLE", "lazy-greedy+refill",
                (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, -1);
    }

    /** Local search from a feasible cache (see the class comment); returns a new cache, never worth less. */
    static boolean[][] improve(CachingProblem problem, boolean[][] start, int passes, boolean pairMoves, int kicks) {
        return improve(problem, start, passes, pairMoves, kicks, () -> false);
    }

    static boolean[][] improve(CachingProblem problem, boolean[][] start, int passes, boolean pairMoves, int kicks,
            BooleanSupplier stop) {
        Search search = new Search(problem, start, stop);
        search.localSearch(passes, pairMoves);
        if (problem.sites() == 0 || problem.variants() == 0) {
            return search.cache;
        }
        SplittableRandom random = new SplittableRandom(0);
        double best = problem.value(search.cache);
        long budget = search.work + KICK_WORK;
        for (int k = 0; k < kicks && search.work < budget && !search.stopped(); k++) {
            boolean[][] saved = CachingResult.copy(search.cache);
            int s = random.nextInt(problem.sites());
            int[] around = search.neighbours[s];
            int t = around.length == 0 ? s : around[random.nextInt(around.length)];
            search.reset(s, random.nextInt(problem.variants()));
            search.reset(t, random.nextInt(problem.variants()));
            search.localSearch(passes, pairMoves);
            double value = problem.value(search.cache);
            // a kick cut short by the stop is judged like any other: kept only if it improves
            if (value > best * (1.0 + 1e-12)) {
                best = value;
            } else {
                search.restore(saved);
            }
        }
        return search.cache;
    }

    /** A cache under local search, with the "don't look" bookkeeping. */
    private static final class Search {
        final CachingProblem problem;
        final CacheState index;
        final int[] uses;
        final boolean[][] cache;
        final int[][] siteGroups;
        final int[][] neighbours;
        /** When each site's cache last changed, and when each site / pair was last tried (a logical clock). */
        final long[] changedAt;
        final long[] triedAt;
        final Map<Long, Long> pairTriedAt = new HashMap<>();
        long clock = 1;
        /** Work done: V per gain computation and per pair-move fill. */
        long work;
        final BooleanSupplier stop;
        boolean stopped;

        Search(CachingProblem problem, boolean[][] start, BooleanSupplier stop) {
            this.problem = problem;
            this.stop = stop;
            this.index = new CacheState(problem);
            this.cache = CachingResult.copy(start);
            this.uses = new int[problem.blocks()];
            for (int v = 0; v < problem.variants(); v++) {
                for (int i = 0; i < problem.variantBlockCount(v); i++) {
                    uses[problem.variantBlock(v, i)]++;
                }
            }
            this.siteGroups = siteGroups(problem);
            this.neighbours = neighbours(problem, problem.sites());
            this.changedAt = new long[problem.sites()];
            this.triedAt = new long[problem.sites()];
            Arrays.fill(triedAt, -1);
        }

        /** Whether the search must stop (sticky once true). */
        boolean stopped() {
            if (!stopped && stop.getAsBoolean()) {
                stopped = true;
            }
            return stopped;
        }

        void changed(int s) {
            changedAt[s] = clock++;
        }

        /** Whether s or a neighbour of s changed after {@code time}. */
        boolean changedSince(int s, long time) {
            if (changedAt[s] > time) {
                return true;
            }
            for (int w : neighbours[s]) {
                if (changedAt[w] > time) {
                    return true;
                }
            }
            return false;
        }

        /** Site s caches only variant v when it fits s alone, else nothing. */
        void reset(int s, int v) {
            Arrays.fill(cache[s], false);
            if (problem.variantBytes(v) <= problem.storage(s) * (1.0 + CacheState.TOLERANCE)) {
                cache[s][v] = true;
            }
            changed(s);
        }

        /** Puts these caches back, marking the sites that differ as changed. */
        void restore(boolean[][] saved) {
            for (int s = 0; s < problem.sites(); s++) {
                if (!Arrays.equals(cache[s], saved[s])) {
                    cache[s] = saved[s].clone();
                    changed(s);
                }
            }
        }

        void localSearch(int passes, boolean pairMoves) {
            double[] gain = new double[problem.variants()];
            for (int pass = 0; pass < passes; pass++) {
                boolean changed = false;
                for (int s = 0; s < problem.sites(); s++) {
                    if (stopped()) {
                        return;
                    }
                    if (triedAt[s] >= 0 && !changedSince(s, triedAt[s])) {
                        continue; // its neighbourhood is as when it was last tried
                    }
                    siteGains(problem, index, cache, s, gain);
                    work += problem.variants();
                    double current = 0.0;
                    for (int v = 0; v < problem.variants(); v++) {
                        if (cache[s][v]) {
                            current += gain[v];
                        }
                    }
                    boolean[] best = bestSiteCache(problem, s, gain, uses, current);
                    if (best != null) {
                        cache[s] = best;
                        changed(s);
                        changed = true;
                    }
                    triedAt[s] = clock++;
                }
                if (!changed && pairMoves) {
                    changed = pairPass();
                }
                if (!changed) {
                    break;
                }
            }
        }

        /** One pass of pair moves (class comment); true if a pair changed. */
        private boolean pairPass() {
            int sites = problem.sites();
            int variants = problem.variants();
            double[] gainS = new double[variants];
            double[] gainT = new double[variants];
            double[] value = new double[1];
            boolean changed = false;
            for (int s = 0; s < sites; s++) {
                for (int t : neighbours[s]) {
                    if (stopped()) {
                        return changed;
                    }
                    if (t < s) {
                        continue; // each pair once
                    }
                    long key = (long) s * sites + t;
                    Long last = pairTriedAt.get(key);
                    if (last != null && !changedSince(s, last) && !changedSince(t, last)) {
                        continue; // its neighbourhood is as when it was last tried
                    }
                    int[] groups = union(siteGroups[s], siteGroups[t]);
                    boolean[] keepS = cache[s];
                    boolean[] keepT = cache[t];
                    double bestValue = localValue(problem, cache, groups) * (1.0 + 1e-12);
                    boolean[] bestS = null;
                    boolean[] bestT = null;
                    cache[t] = new boolean[variants];
                    siteGains(problem, index, cache, s, gainS);
                    work += variants;
                    List<boolean[]> setsS = sharedBlockSets(problem, s, gainS, uses);
                    for (int a = 0; setsS != null && a < setsS.size(); a++) {
                        cache[s] = fill(problem, s, gainS, uses, setsS.get(a), value);
                        siteGains(problem, index, cache, t, gainT);
                        work += variants;
                        List<boolean[]> setsT = sharedBlockSets(problem, t, gainT, uses);
                        for (int b = 0; setsT != null && b < setsT.size(); b++) {
                            cache[t] = fill(problem, t, gainT, uses, setsT.get(b), value);
                            work += variants;
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
                        changed(s);
                        changed(t);
                        changed = true;
                    }
                    pairTriedAt.put(key, clock++);
                }
            }
            return changed;
        }
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
