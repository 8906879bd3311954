package org.meiplan.solvers.caching;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.meiplan.models.formulations.caching.CachingObjective;
import org.meiplan.models.formulations.caching.CachingProblem;

/** Seeded small caching problems and their optimum by enumeration, for guarantee tests. */
final class SmallCachingProblems {

    private SmallCachingProblems() {
    }

    /**
     * {@code sites} sites, {@code bases} base blocks each with {@code adapters} fine-tuned variants (block =
     * base + private adapter) plus the base variant itself; one request group per (site, variant) with random
     * demand; with {@code links}, a group at site s is also reached by site s+1 at a lower value.
     */
    static CachingProblem random(long seed, int sites, int bases, int adapters, boolean links) {
        Random r = new Random(seed);
        List<String> blockIds = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        List<String> variantIds = new ArrayList<>();
        List<int[]> variantBlocks = new ArrayList<>();
        for (int b = 0; b < bases; b++) {
            int base = blockIds.size();
            blockIds.add("base-" + b);
            bytes.add(Math.rint(1e9 * (2 + 6 * r.nextDouble()))); // whole bytes, as CachingProblem.of
            variantIds.add("m" + b);
            variantBlocks.add(new int[] {base});
            for (int a = 0; a < adapters; a++) {
                blockIds.add("ad-" + b + "-" + a);
                bytes.add(Math.rint(1e9 * (0.05 + 1.5 * r.nextDouble())));
                variantIds.add("m" + b + "-ft" + a);
                variantBlocks.add(new int[] {base, blockIds.size() - 1});
            }
        }
        String[] siteIds = new String[sites];
        double[] storage = new double[sites];
        for (int s = 0; s < sites; s++) {
            siteIds[s] = "bs-" + s;
            storage[s] = 1e9 * (4 + 8 * r.nextDouble());
        }
        List<String> groupIds = new ArrayList<>();
        List<Integer> groupVariant = new ArrayList<>();
        List<int[]> groupSites = new ArrayList<>();
        List<double[]> groupValues = new ArrayList<>();
        List<Double> demand = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            for (int v = 0; v < variantIds.size(); v++) {
                if (r.nextDouble() < 0.25) {
                    continue;
                }
                double d = Math.pow(r.nextDouble(), 2) * 3;
                groupIds.add("rq-" + s + "-" + v);
                groupVariant.add(v);
                demand.add(d);
                if (links && sites > 1) {
                    groupSites.add(new int[] {s, (s + 1) % sites});
                    groupValues.add(new double[] {d, d});
                } else {
                    groupSites.add(new int[] {s});
                    groupValues.add(new double[] {d});
                }
            }
        }
        return new CachingProblem("small-" + seed, new CachingObjective.HitRatio(), siteIds, storage,
                blockIds.toArray(new String[0]), bytes.stream().mapToDouble(Double::doubleValue).toArray(),
                variantIds.toArray(new String[0]), variantBlocks.toArray(new int[0][]), groupIds.toArray(new String[0]),
                groupVariant.stream().mapToInt(Integer::intValue).toArray(),
                demand.stream().mapToDouble(Double::doubleValue).toArray(), groupSites.toArray(new int[0][]),
                groupValues.toArray(new double[0][]), 0.0);
    }

    /** The optimum by enumeration: every combination of per-site feasible caches. */
    static double optimum(CachingProblem problem) {
        List<List<boolean[]>> options = new ArrayList<>();
        for (int s = 0; s < problem.sites(); s++) {
            List<boolean[]> feasible = new ArrayList<>();
            for (int mask = 0; mask < (1 << problem.variants()); mask++) {
                boolean[] cache = new boolean[problem.variants()];
                for (int v = 0; v < problem.variants(); v++) {
                    cache[v] = (mask >> v & 1) == 1;
                }
                if (problem.storageUsed(cache) <= problem.storage(s)) {
                    feasible.add(cache);
                }
            }
            options.add(feasible);
        }
        return search(problem, options, new boolean[problem.sites()][], 0);
    }

    private static double search(CachingProblem problem, List<List<boolean[]>> options, boolean[][] cache, int s) {
        if (s == problem.sites()) {
            return problem.value(cache);
        }
        double best = 0.0;
        for (boolean[] site : options.get(s)) {
            cache[s] = site;
            best = Math.max(best, search(problem, options, cache, s + 1));
        }
        return best;
    }
}
