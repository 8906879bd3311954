package org.meiplan.models.formulations.caching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.meiplan.models.math.ConstraintFamily;
import org.meiplan.models.math.Dimension;
import org.meiplan.models.math.LinearExpression;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.ProgramBuilder;
import org.meiplan.models.math.VariableArray;

/**
 * Parameter-sharing caching as a MILP (J. Qu et al., "Mobile edge intelligence for large language
 * models", 2024, §IV; X. Xu et al., "TrimCaching: parameter-sharing AI model caching in wireless
 * edge networks", ICDCS 2024, problem P1):
 *
 * <pre>
 *   max  Σ_g value[g]·hit[g]                         (hit ratio: every reaching site is worth the same)
 *   or   Σ_g Σ_i value[g,i]·serve[g,i]               (latency, cost: the best cached reaching site counts)
 *   s.t. stored[s,j] ≥ cached[s,v]                    for every site s, variant v and block j of v
 *        Σ_j D_j·stored[s,j] ≤ Q_s                    for every site s
 *        hit[g] ≤ Σ_{s reaches g} cached[s,v(g)]       for every group g            (hit ratio)
 *        serve[g,i] ≤ cached[site(g,i), v(g)],  Σ_i serve[g,i] ≤ 1                   (otherwise)
 *        Σ_{j ∈ dep(b)} D_j·stored[s,j] ≤ (Q_s − D_b)·stored[s,b]   for every site s, block b   (base or nothing)
 *        stored[s,j] = 0 if D_j > Q_s,  cached[s,v] = 0 if Σ_{j of v} D_j > Q_s
 *        cached, stored ∈ {0,1};  0 ≤ hit, serve ≤ 1
 * </pre>
 * dep(b) are the blocks used only together with b (a base's adapters). The base-or-nothing rows cut off
 * only solutions that store a block no cached variant uses; dropping such blocks keeps the value and
 * feasibility, so the optimum and every LP bound stay valid, and {@link #encode} never stores one. They
 * tighten the LP where the storage rows bind; they do not help against the coverage gap of
 * {@code hit[g] ≤ Σ_s cached[s,v(g)]} when requests are reached by several sites.
 * Two encodings of the same problem: {@link #CachingFormulation(CachingProblem)} writes sizes in GB so that
 * the storage rows are well scaled for LP-based solvers (SCIP, GLOP), with continuous hit/serve;
 * {@link #integral(CachingProblem)} writes sizes as exact integers (whole bytes, or a finer power-of-ten unit for
 * synthetic problems) and hit/serve as binaries, for CP-SAT, which needs integer rows. At an optimum hit and
 * serve are 0/1 anyway, so both have the same optimum; the integral one has the same feasible caches as
 * {@link CachingProblem#fits} (capacity ⌊Q_s·(1 + 10⁻⁹)·unit⌋). Both add, for every site, a conflict row
 * {@code stored[s,a] + stored[s,b] ≤ 1} for every pair of shared blocks (used by ≥ 2 variants: the bases)
 * that do not fit together.
 * Rows and columns are named from the domain ids ({@code storage[site=bs-3]},
 * {@code cached[site=bs-3,variant=l8b-int4]}).
 */
public final class CachingFormulation {

    private static final double GB = 1e9;
    /** Relative slack on capacities, as in the greedy's and the problem's {@code fits}. */
    private static final double FIT_TOLERANCE = 1e-9;
    /** Finest unit tried for {@link #integral}: 10⁻⁶ of the problem's size unit. */
    private static final int MAX_SCALE_DIGITS = 6;
    /** Largest integer coefficient {@link #integral} writes (CP-SAT's linear sums must not overflow). */
    private static final double MAX_INTEGER = 1e15;

    private final CachingProblem problem;
    /** Sizes are multiplied by this (1/GB, or the integral scale). */
    private final double scale;
    private final boolean integral;
    private final Program program;
    private final VariableArray cached;
    private final VariableArray stored;
    private final VariableArray hit;
    private final VariableArray serve;
    private final int[] routeStart;

    /** Sizes in GB, continuous hit/serve: for LP-based solvers. */
    public CachingFormulation(CachingProblem problem) {
        this(problem, 1.0 / GB, false);
    }

    /**
     * Sizes as exact integers and hit/serve binary (every row has integer coefficients): for CP-SAT. Empty when
     * no unit of 10^-k of the problem's size unit (k ≤ {@value #MAX_SCALE_DIGITS}) makes every block size
     * integral (capacities are rounded down in that unit); instances read by {@link CachingProblem#of} are in
     * whole bytes.
     */
    public static Optional<CachingFormulation> integral(CachingProblem problem) {
        double largest = 0.0;
        for (int s = 0; s < problem.sites(); s++) {
            largest = Math.max(largest, problem.storage(s));
        }
        for (int j = 0; j < problem.blocks(); j++) {
            largest = Math.max(largest, problem.blockBytes(j));
        }
        double scale = 1.0;
        for (int digits = 0; digits <= MAX_SCALE_DIGITS && largest * scale * problem.blocks() <= MAX_INTEGER;
                digits++, scale *= 10.0) {
            if (integralAt(problem, scale)) {
                return Optional.of(new CachingFormulation(problem, scale, true));
            }
        }
        return Optional.empty();
    }

    private static boolean integralAt(CachingProblem problem, double scale) {
        for (int j = 0; j < problem.blocks(); j++) {
            double x = problem.blockBytes(j) * scale;
            if (Math.abs(x - Math.rint(x)) > 1e-9 * Math.max(1.0, x)) {
                return false;
            }
        }
        return true;
    }

    private CachingFormulation(CachingProblem problem, double scale, boolean integral) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.scale = scale;
        this.integral = integral;
        boolean uniform = problem.uniformValues();
        // data
        Dimension site = Dimension.of("site", problem.siteLabels());
        Dimension variant = Dimension.of("variant", problem.variantLabels());
        Dimension block = Dimension.of("block", problem.blockLabels());
        Dimension group = Dimension.of("group", problem.groupLabels());
        routeStart = new int[problem.groups() + 1];
        List<String> routes = new ArrayList<>();
        for (int g = 0; g < problem.groups(); g++) {
            routeStart[g] = routes.size();
            for (int i = 0; i < problem.groupReach(g); i++) {
                routes.add(problem.groupId(g) + "@" + problem.siteId(problem.groupSite(g, i)));
            }
        }
        routeStart[problem.groups()] = routes.size();
        // variables
        ProgramBuilder b = Program.builder("caching");
        cached = b.binaries("cached", site, variant);
        stored = b.binaries("stored", site, block);
        Dimension route = Dimension.of("route", routes);
        hit = !uniform ? null : integral ? b.binaries("hit", group) : b.continuous("hit", 0.0, 1.0, group);
        serve = uniform ? null : integral ? b.binaries("serve", route) : b.continuous("serve", 0.0, 1.0, route);
        // constraints
        LinearExpression e = new LinearExpression();
        addBlocksOfCachedVariants(b, e, site, variant, block);
        addStorageCapacity(b, e, site);
        fixWhatCannotFit(b);
        addDependentBlocksNeedTheirBase(b, e, site, block);
        addSharedBlocksThatDoNotFitTogether(b, e, site, block);
        if (uniform) {
            addHitNeedsACachedReachingSite(b, e, group);
        } else {
            addServeFromCachedSitesOnly(b, e, routes);
        }
        // objective
        e.clear();
        for (int g = 0; g < problem.groups(); g++) {
            if (uniform) {
                e.term(problem.groupValue(g, 0), hit.at(g));
            } else {
                for (int i = 0; i < problem.groupReach(g); i++) {
                    e.term(problem.groupValue(g, i), serve.at(routeStart[g] + i));
                }
            }
        }
        b.maximize(e);
        program = b.build();
    }

    // cached[s,v] ≤ stored[s,j]   for every site s, variant v, block j of v
    private void addBlocksOfCachedVariants(ProgramBuilder b, LinearExpression e, Dimension site, Dimension variant,
            Dimension block) {
        ConstraintFamily family = b.constraints("blocks", site, variant, block);
        for (int s = 0; s < problem.sites(); s++) {
            for (int v = 0; v < problem.variants(); v++) {
                for (int i = 0; i < problem.variantBlockCount(v); i++) {
                    int j = problem.variantBlock(v, i);
                    family.add(e.clear().term(cached.at(s, v)).term(-1.0, stored.at(s, j)).le(0.0), s, v, j);
                }
            }
        }
    }

    // Σ_j D_j·stored[s,j] ≤ Q_s   for every site s (GB, or integers)
    private void addStorageCapacity(ProgramBuilder b, LinearExpression e, Dimension site) {
        ConstraintFamily family = b.constraints("storage", site);
        for (int s = 0; s < problem.sites(); s++) {
            int ss = s;
            family.add(e.clear().sum(problem.blocks(), this::size, j -> stored.at(ss, j)).le(capacity(s)), s);
        }
    }

    /** D_j in the formulation's unit (an exact integer when integral). */
    private double size(int j) {
        double x = problem.blockBytes(j) * scale;
        return integral ? Math.rint(x) : x;
    }

    /** Q_s in the formulation's unit; when integral, the largest integer that {@link CachingProblem#fits} allows. */
    private double capacity(int s) {
        return integral ? Math.floor(problem.storage(s) * (1.0 + FIT_TOLERANCE) * scale + 1e-9)
                : problem.storage(s) * scale;
    }

    // stored[s,j] = 0 when D_j > Q_s;  cached[s,v] = 0 when Σ_{j of v} D_j > Q_s   (bounds, not rows)
    private void fixWhatCannotFit(ProgramBuilder b) {
        for (int s = 0; s < problem.sites(); s++) {
            double capacity = problem.storage(s) * (1.0 + FIT_TOLERANCE);
            for (int j = 0; j < problem.blocks(); j++) {
                if (problem.blockBytes(j) > capacity) {
                    b.bounds(stored.at(s, j), 0.0, 0.0);
                }
            }
            for (int v = 0; v < problem.variants(); v++) {
                if (problem.variantBytes(v) > capacity) {
                    b.bounds(cached.at(s, v), 0.0, 0.0);
                }
            }
        }
    }

    // Σ_{j ∈ dep(b)} D_j·stored[s,j] ≤ (Q_s − D_b)·stored[s,b]   for every site s and block b with dependents,
    // dep(b) = the blocks j ≠ b that every variant using j also uses with b ("base or nothing")
    private void addDependentBlocksNeedTheirBase(ProgramBuilder b, LinearExpression e, Dimension site,
            Dimension block) {
        int[][] dependents = dependents(problem);
        ConstraintFamily family = b.constraints("dependents", site, block);
        for (int base = 0; base < problem.blocks(); base++) {
            if (dependents[base].length == 0) {
                continue;
            }
            for (int s = 0; s < problem.sites(); s++) {
                e.clear();
                for (int j : dependents[base]) {
                    e.term(size(j), stored.at(s, j));
                }
                e.term(-(capacity(s) - size(base)), stored.at(s, base));
                family.add(e.le(0.0), s, base);
            }
        }
    }

    // stored[s,a] + stored[s,b] ≤ 1   for every site s and pair of shared blocks a, b with D_a + D_b > Q_s
    private void addSharedBlocksThatDoNotFitTogether(ProgramBuilder b, LinearExpression e, Dimension site,
            Dimension block) {
        int[] users = new int[problem.blocks()];
        for (int v = 0; v < problem.variants(); v++) {
            for (int i = 0; i < problem.variantBlockCount(v); i++) {
                users[problem.variantBlock(v, i)]++;
            }
        }
        List<Integer> shared = new ArrayList<>();
        for (int j = 0; j < problem.blocks(); j++) {
            if (users[j] >= 2) {
                shared.add(j);
            }
        }
        ConstraintFamily family = b.constraints("conflict", site, block, block);
        double tolerance = integral ? 0.0 : FIT_TOLERANCE;
        for (int s = 0; s < problem.sites(); s++) {
            double q = capacity(s) * (1.0 + tolerance);
            for (int x = 0; x < shared.size(); x++) {
                int a = shared.get(x);
                for (int y = x + 1; y < shared.size(); y++) {
                    int c = shared.get(y);
                    if (size(a) <= q && size(c) <= q && size(a) + size(c) > q) {
                        family.add(e.clear().term(stored.at(s, a)).term(stored.at(s, c)).le(1.0), s, a, c);
                    }
                }
            }
        }
    }

    /**
     * dep(b) for every block b: the blocks j ≠ b used by at least one variant, every one of which also uses
     * b (for a fine-tuned catalog: the adapters of base b). Each pair (s, b) with dep(b) non-empty gives one row.
     */
    static int[][] dependents(CachingProblem problem) {
        int blocks = problem.blocks();
        // for each block j, the blocks common to all variants using j (null: no variant uses j yet)
        java.util.BitSet[] common = new java.util.BitSet[blocks];
        for (int v = 0; v < problem.variants(); v++) {
            java.util.BitSet mine = new java.util.BitSet(blocks);
            for (int i = 0; i < problem.variantBlockCount(v); i++) {
                mine.set(problem.variantBlock(v, i));
            }
            for (int i = 0; i < problem.variantBlockCount(v); i++) {
                int j = problem.variantBlock(v, i);
                if (common[j] == null) {
                    common[j] = (java.util.BitSet) mine.clone();
                } else {
                    common[j].and(mine);
                }
            }
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int j = 0; j < blocks; j++) {
            out.add(new ArrayList<>());
        }
        for (int j = 0; j < blocks; j++) {
            if (common[j] != null) {
                for (int base = common[j].nextSetBit(0); base >= 0; base = common[j].nextSetBit(base + 1)) {
                    if (base != j) {
                        out.get(base).add(j);
                    }
                }
            }
        }
        int[][] result = new int[blocks][];
        for (int j = 0; j < blocks; j++) {
            result[j] = out.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    // hit[g] ≤ Σ_{s reaches g} cached[s,v(g)]   for every group g
    private void addHitNeedsACachedReachingSite(ProgramBuilder b, LinearExpression e, Dimension group) {
        ConstraintFamily family = b.constraints("hit", group);
        for (int g = 0; g < problem.groups(); g++) {
            e.clear().term(hit.at(g));
            for (int i = 0; i < problem.groupReach(g); i++) {
                e.term(-1.0, cached.at(problem.groupSite(g, i), problem.groupVariant(g)));
            }
            family.add(e.le(0.0), g);
        }
    }

    // serve[g,i] ≤ cached[site(g,i), v(g)]  and  Σ_i serve[g,i] ≤ 1   for every group g
    private void addServeFromCachedSitesOnly(ProgramBuilder b, LinearExpression e, List<String> routes) {
        Dimension route = Dimension.of("route", routes);
        ConstraintFamily served = b.constraints("served", route);
        ConstraintFamily once = b.constraints("once", Dimension.of("group", problem.groupLabels()));
        for (int g = 0; g < problem.groups(); g++) {
            e.clear();
            for (int i = 0; i < problem.groupReach(g); i++) {
                e.term(serve.at(routeStart[g] + i));
            }
            once.add(e.le(1.0), g);
            for (int i = 0; i < problem.groupReach(g); i++) {
                int r = routeStart[g] + i;
                served.add(e.clear().term(serve.at(r)).term(-1.0, cached.at(problem.groupSite(g, i),
                        problem.groupVariant(g))).le(0.0), r);
            }
        }
    }

    public CachingProblem problem() {
        return problem;
    }

    public Program program() {
        return program;
    }

    /** The column of cached[s,v]. */
    public int cachedColumn(int s, int v) {
        return cached.at(s, v);
    }

    /**
     * The cache a solution describes; each cached[s,v] must be within {@code tolerance} of 0 or 1.
     *
     * @throws IllegalStateException when a cached value is fractional
     */
    public boolean[][] decode(double[] x, double tolerance) {
        boolean[][] out = new boolean[problem.sites()][problem.variants()];
        for (int s = 0; s < problem.sites(); s++) {
            for (int v = 0; v < problem.variants(); v++) {
                double value = x[cached.at(s, v)];
                if (Math.abs(value - Math.rint(value)) > tolerance) {
                    throw new IllegalStateException("cached[site=" + problem.siteId(s) + ",variant="
                            + problem.variantId(v) + "] = " + value + " is not integral");
                }
                out[s][v] = value > 0.5;
            }
        }
        return out;
    }

    /** A full, feasible solution vector for a cache (for warm starts and checks). */
    public double[] encode(boolean[][] cache) {
        double[] x = new double[program.numVariables()];
        for (int s = 0; s < problem.sites(); s++) {
            for (int v = 0; v < problem.variants(); v++) {
                if (cache[s][v]) {
                    x[cached.at(s, v)] = 1.0;
                    for (int i = 0; i < problem.variantBlockCount(v); i++) {
                        x[stored.at(s, problem.variantBlock(v, i))] = 1.0;
                    }
                }
            }
        }
        for (int g = 0; g < problem.groups(); g++) {
            int best = -1;
            for (int i = 0; i < problem.groupReach(g); i++) {
                if (cache[problem.groupSite(g, i)][problem.groupVariant(g)]
                        && (best < 0 || problem.groupValue(g, i) > problem.groupValue(g, best))) {
                    best = i;
                }
            }
            if (best >= 0) {
                if (hit != null) {
                    x[hit.at(g)] = 1.0;
                } else {
                    x[serve.at(routeStart[g] + best)] = 1.0;
                }
            }
        }
        return x;
    }
}
