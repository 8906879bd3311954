package org.meiplan.solvers.caching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.meiplan.models.formulations.caching.CachingProblem;

/**
 * Enumeration of shared-block sets plus a knapsack DP with value rounding, filled site by site — for
 * instances with few shared blocks (blocks used by two or more variants, e.g. base weights).
 *
 * <p><b>Algorithm.</b> Sites are filled one after another. At site s, with the caches of the earlier
 * sites fixed, the marginal gain of a set X of variants is the sum of the variants' marginal gains
 * (two variants never serve the same request group). For every set B of shared blocks that fits Q_s,
 * the variants whose shared blocks all lie in B cost only their private bytes, so the best X is a 0/1
 * knapsack of capacity Q_s − D(B), solved by the classic FPTAS (values rounded down to multiples of
 * K = ε·max value / n, then a DP over rounded value of the least weight; Ibarra–Kim 1975, Vazirani,
 * "Approximation Algorithms", Thm. 8.4). The best (B, X) is kept.
 *
 * <p><b>Guarantee.</b> Each site gets a (1 − ε)-approximation of its best marginal cache. Filling the
 * blocks of a partition one after another with an α-approximate oracle gives α/(1 + α) for a monotone
 * submodular objective (the "locally greedy" argument of Fisher, Nemhauser, Wolsey, Math. Prog. Study 8,
 * 1978, for partition matroids: f(OPT) ≤ f(G) + Σ_s Δ(OPT_s | G_{&lt;s}) ≤ f(G) + Σ_s Δ(G_s | G_{&lt;s})/α).
 * So the result is worth ≥ (1 − ε)/(2 − ε) ≥ (1 − ε)/2 of the optimum with sharing, whatever the
 * links; when no request class is reached by two sites the sites are independent and it is ≥ (1 − ε).
 *
 * <p><b>Running time.</b> O(Σ_s 2^{b_s} · n_s² / ε) with b_s the shared blocks of the variants worth
 * something at s (at most {@link #maxSharedBlocks}), n_s those variants.
 */
public final class FewSharedBlocksKnapsack implements CachingAlgorithm {

    private final double epsilon;
    private final int maxSharedBlocks;

    /** ε = 0.1, at most 16 shared blocks per site. */
    public FewSharedBlocksKnapsack() {
        this(0.1, 16);
    }

    public FewSharedBlocksKnapsack(double epsilon, int maxSharedBlocks) {
        if (!(epsilon > 0.0 && epsilon < 1.0)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
        }
        if (maxSharedBlocks < 0 || maxSharedBlocks > 30) {
            throw new IllegalArgumentException("maxSharedBlocks must be in 0..30, was " + maxSharedBlocks);
        }
        this.epsilon = epsilon;
        this.maxSharedBlocks = maxSharedBlocks;
    }

    @Override
    public String name() {
        return "knapsack";
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public CachingResult solve(CachingProblem problem) {
        long t0 = System.nanoTime();
        CacheState state = new CacheState(problem);
        int[] sharedIndex = new int[problem.blocks()];
        java.util.Arrays.fill(sharedIndex, -1);
        List<Integer> shared = new ArrayList<>();
        for (int j = 0; j < problem.blocks(); j++) {
            if (state.blockUsers[j].length >= 2) {
                sharedIndex[j] = shared.size();
                shared.add(j);
            }
        }
        long t1 = System.nanoTime();
        for (int s = 0; s < problem.sites(); s++) {
            fillSite(problem, state, s, sharedIndex, shared);
        }
        boolean[][] cache = state.cached;
        long t2 = System.nanoTime();
        return new CachingResult(name(), cache, problem.value(cache), Double.NaN, "FEASIBLE", "knapsack-fptas",
                (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, -1);
    }

    private void fillSite(CachingProblem problem, CacheState state, int s, int[] sharedIndex, List<Integer> shared) {
        List<Integer> items = new ArrayList<>();
        List<Long> masks = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> local = new ArrayList<>(); // local shared-block index -> global shared index
        int[] localOf = new int[shared.size()];
        java.util.Arrays.fill(localOf, -1);
        for (int v = 0; v < problem.variants(); v++) {
            double gain = state.gain(s, v);
            if (!(gain > 0.0) || !state.fitsAlone(s, v)) {
                continue;
            }
            long mask = 0;
            double privateBytes = 0.0;
            for (int i = 0; i < problem.variantBlockCount(v); i++) {
                int j = problem.variantBlock(v, i);
                if (sharedIndex[j] >= 0) {
                    if (localOf[sharedIndex[j]] < 0) {
                        localOf[sharedIndex[j]] = local.size();
                        local.add(sharedIndex[j]);
                    }
                    mask |= 1L << Math.min(62, localOf[sharedIndex[j]]);
                } else {
                    privateBytes += problem.blockBytes(j);
                }
            }
            items.add(v);
            masks.add(mask);
            values.add(gain);
            weights.add(privateBytes);
        }
        if (local.size() > maxSharedBlocks) {
            throw new IllegalArgumentException("site " + problem.siteId(s) + " has " + local.size()
                    + " shared blocks worth enumerating, more than " + maxSharedBlocks
                    + "; use the greedy (--algorithm greedy) or the MILP for this instance");
        }
        double[] sharedBytes = new double[local.size()];
        for (int b = 0; b < local.size(); b++) {
            sharedBytes[b] = problem.blockBytes(shared.get(local.get(b)));
        }
        double capacity = problem.storage(s) * (1.0 + CacheState.TOLERANCE);
        double bestValue = 0.0;
        int[] bestChoice = new int[0];
        for (long set = 0; set < (1L << local.size()); set++) {
            double setBytes = 0.0;
            for (int b = 0; b < local.size(); b++) {
                if ((set >> b & 1) == 1) {
                    setBytes += sharedBytes[b];
                }
            }
            if (setBytes > capacity) {
                continue;
            }
            List<Integer> candidates = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                if ((masks.get(k) & ~set) == 0 && weights.get(k) <= capacity - setBytes) {
                    candidates.add(k);
                }
            }
            int n = candidates.size();
            double[] a = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = values.get(candidates.get(i));
                w[i] = weights.get(candidates.get(i));
            }
            boolean[] take = knapsack(a, w, capacity - setBytes, epsilon);
            double value = 0.0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (take[i]) {
                    value += a[i];
                    count++;
                }
            }
            if (value > bestValue) {
                bestValue = value;
                bestChoice = new int[count];
                int c = 0;
                for (int i = 0; i < n; i++) {
                    if (take[i]) {
                        bestChoice[c++] = items.get(candidates.get(i));
                    }
                }
            }
        }
        for (int v : bestChoice) {
            state.add(s, v);
        }
    }

    /**
     * The FPTAS for 0/1 knapsack: items of value a_i > 0 and weight w_i ≥ 0, capacity C; a set worth
     * ≥ (1 − ε)·optimum. Values are rounded down to multiples of K = ε·max a / n; a DP over rounded value
     * keeps the least weight. O(n²/ε) time, n²/ε bits for the choices.
     */
    static boolean[] knapsack(double[] a, double[] w, double capacity, double epsilon) {
        int n = a.length;
        boolean[] take = new boolean[n];
        if (n == 0) {
            return take;
        }
        double max = 0.0;
        for (double value : a) {
            max = Math.max(max, value);
        }
        double k = epsilon * max / n;
        int[] p = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            p[i] = (int) Math.floor(a[i] / k);
            total += p[i];
        }
        double[] least = new double[total + 1];
        java.util.Arrays.fill(least, Double.POSITIVE_INFINITY);
        least[0] = 0.0;
        BitSet[] chose = new BitSet[n];
        int reach = 0;
        for (int i = 0; i < n; i++) {
            chose[i] = new BitSet(total + 1);
            for (int q = reach; q >= 0; q--) {
                if (least[q] < Double.POSITIVE_INFINITY && least[q] + w[i] < least[q + p[i]]
                        && least[q] + w[i] <= capacity) {
                    least[q + p[i]] = least[q] + w[i];
                    chose[i].set(q + p[i]);
                }
            }
            reach += p[i];
        }
        int bestQ = 0;
        for (int q = total; q >= 0; q--) {
            if (least[q] <= capacity) {
                bestQ = q;
                break;
            }
        }
        for (int i = n - 1, q = bestQ; i >= 0 && q > 0; i--) {
            if (chose[i].get(q)) {
                take[i] = true;
                q -= p[i];
            }
        }
        // items rounded to 0 that still fit are free value
        double weight = 0.0;
        for (int i = 0; i < n; i++) {
            weight += take[i] ? w[i] : 0.0;
        }
        for (int i = 0; i < n; i++) {
            if (!take[i] && weight + w[i] <= capacity) {
                take[i] = true;
                weight += w[i];
            }
        }
        return take;
    }
}
