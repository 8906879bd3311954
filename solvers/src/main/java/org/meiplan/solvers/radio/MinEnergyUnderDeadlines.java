package org.meiplan.solvers.radio;

import java.util.List;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.meiplan.models.physics.Radio;

/**
 * Minimum transmit energy under deadlines, over bandwidth and power jointly: KKT conditions with
 * a root search on the bandwidth price (water-filling), per-user bandwidth in Lambert-W closed
 * form.
 *
 * <p><b>Reduction.</b> Sending D bits in time τ over bandwidth b costs
 * {@code E(b,τ) = τ·(N0·b/g)·(2^(D/(τ·b)) − 1)}, which falls with τ (a perspective of a convex
 * function with value 0 at 0), so every user transmits over its whole window
 * {@code τ_k = T_k − c_k} at the rate {@code ρ_k = D_k/τ_k}. What is left is
 * {@code min Σ_k E_k(b_k)} s.t. {@code Σ b_k ≤ B}, {@code b_k ≥ b_k^min}, where
 * {@code b_k^min = bandwidthForRate(ρ_k, P_k, g_k, N0)} is the bandwidth that needs the whole
 * power (so {@code p_k ≤ P_k ⇔ b_k ≥ b_k^min}). E_k is convex and decreasing in b.
 *
 * <p><b>KKT.</b> With price λ on the band, {@code −E_k'(b) = (τ_k·N0/g_k)·((v−1)·e^v + 1) = λ}
 * where {@code v = ρ_k·ln2/b} (nat/s/Hz), i.e. {@code v = 1 + W₀((λ·g_k/(τ_k·N0) − 1)/e)} and
 * {@code b_k(λ) = max(b_k^min, ρ_k·ln2/v)}. {@code Σ_k b_k(λ)} falls with λ; the optimal λ* makes
 * it equal B (energy falls with bandwidth, so the band is always used up). λ is found by Commons
 * Math's {@link BracketingNthOrderBrentSolver} on ln λ; W₀ is evaluated by a warm-started Newton
 * iteration on {@code v + ln(v − 1 + e^(−v)) = ln m}. Source: KKT water-filling, Boyd and
 * Vandenberghe, <i>Convex Optimization</i>, 2004, §5.5.3; the same structure appears in
 * C. You, K. Huang, H. Chae, B.-H. Kim, "Energy-efficient resource allocation for mobile-edge
 * computation offloading", IEEE Trans. Wireless Commun. 16(3), 2017.
 *
 * <p><b>Running time.</b> O(K) per evaluation of λ, about 10–20 evaluations.
 *
 * <p><b>Certificate.</b> The Lagrangian dual value
 * {@code g(λ) = Σ_k min_{b ≥ b_k^min} (E_k(b) + λ·b) − λ·B}, exact per user because the inner
 * problem is one-dimensional convex and solved by the KKT point above; any λ ≥ 0 gives a lower
 * bound on the optimal energy. The bound is the best of g at the two ends of the final bracket.
 *
 * <p><b>Infeasible input.</b> A user with {@code T_k ≤ c_k}, or whose rate is beyond its limit, or
 * whose {@code b_k^min} exceeds B is listed as unservable; if all fit alone but
 * {@code Σ b_k^min > B} the status is INFEASIBLE with an empty list (see
 * {@link DeadlineAdmission}).
 */
public final class MinEnergyUnderDeadlines implements MinEnergyAllocator {

    private static final double LN2 = Math.log(2.0);

    private final RadioTolerances tolerances;

    public MinEnergyUnderDeadlines() {
        this(RadioTolerances.DEFAULT);
    }

    public MinEnergyUnderDeadlines(RadioTolerances tolerances) {
        this.tolerances = tolerances;
    }

    @Override
    public RadioResult solve(RadioCell cell) {
        long start = System.nanoTime();
        CellArrays c = new CellArrays(cell);
        int n = c.size;
        CellArrays.Deadlines d = c.deadlines();
        if (d.infeasible(c.bandwidth)) {
            return c.infeasible(name(), d.unservable(), start);
        }
        double[] tau = d.tau();
        double[] rho = d.rho();
        double[] bMin = d.bMin();
        double sumMin = d.sumMin();
        int active = d.active().size();
        double[] lnScale = new double[n];
        for (int k : d.active()) {
            lnScale[k] = Math.log(c.gain[k] / (tau[k] * c.noise));
        }
        double[] b = new double[n];
        double[] p = new double[n];
        Price price = new Price(c, rho, bMin, lnScale);
        double bound = 0.0;
        if (active > 0) {
            double slack = (c.bandwidth - sumMin) / active;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (c.bits[k] > 0.0) {
                    lo = Math.min(lo, lnMarginalSaving(c, k, tau[k], rho[k], c.bandwidth));
                    hi = Math.max(hi, lnMarginalSaving(c, k, tau[k], rho[k], bMin[k] + slack));
                }
            }
            double x;
            if (hi > lo) {
                BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(
                        tolerances.root(), tolerances.root(), c.bandwidth * 1e-15, 5);
                solver.solve(400, price, lo, hi, AllowedSolution.RIGHT_SIDE);
                x = price.bestFeasible < Double.POSITIVE_INFINITY ? price.bestFeasible : hi;
                bound = Math.max(dual(c, price, tau, rho, x), price.bestInfeasible > Double.NEGATIVE_INFINITY
                        ? dual(c, price, tau, rho, price.bestInfeasible) : 0.0);
            } else {
                x = hi;
                bound = dual(c, price, tau, rho, x);
            }
            double used = price.allocate(x, b);
            double free = 0.0;
            for (int k = 0; k < n; k++) {
                if (c.bits[k] > 0.0 && b[k] > bMin[k]) {
                    free += b[k];
                }
            }
            double leftover = c.bandwidth - used;
            for (int k = 0; k < n; k++) {
                if (c.bits[k] <= 0.0) {
                    continue;
                }
                if (free > 0.0 && b[k] > bMin[k]) {
                    b[k] += leftover * b[k] / free;
                } else if (free <= 0.0) {
                    b[k] += leftover * b[k] / used;
                }
                p[k] = Math.min(c.maxPower[k], Radio.powerForRate(rho[k], b[k], c.gain[k], c.noise));
            }
        }
        List<UserAllocation> users = c.allocations(b, p, null, null);
        double objective = 0.0;
        for (UserAllocation a : users) {
            objective += a.energy();
        }
        bound = Math.min(bound, objective);
        double gap = RadioResult.relativeGap(objective, bound);
        RadioStatus status = gap <= tolerances.optimalityGap() ? RadioStatus.OPTIMAL : RadioStatus.FEASIBLE;
        return new RadioResult(status, name(), users, objective, bound, gap, List.of(), System.nanoTime() - start);
    }

    /** ln(−E_k'(b)): the log of the energy user k saves per extra Hz at bandwidth b. */
    static double lnMarginalSaving(CellArrays c, int k, double tau, double rho, double b) {
        double v = rho * LN2 / b;
        return Math.log(tau * c.noise / c.gain[k]) + v + Math.log(q(v));
    }

    /** The dual value g(λ) at ln λ = x. */
    private static double dual(CellArrays c, Price price, double[] tau, double[] rho, double x) {
        double lambda = Math.exp(x);
        double[] b = new double[c.size];
        price.allocate(x, b);
        double value = -lambda * c.bandwidth;
        for (int k = 0; k < c.size; k++) {
            if (c.bits[k] > 0.0) {
                value += tau[k] * Radio.powerForRate(rho[k], b[k], c.gain[k], c.noise) + lambda * b[k];
            }
        }
        return value;
    }

    /** q(v) = v − 1 + e^(−v), with its series where it cancels. */
    static double q(double v) {
        if (v < 1e-2) {
            double v2 = v * v;
            return v2 * (0.5 - v / 6.0 + v2 / 24.0 - v2 * v / 120.0);
        }
        return v > 0.5 ? v - 1.0 + Math.exp(-v) : v + Math.expm1(-v);
    }

    /**
     * The v &gt; 0 with {@code (v − 1)·e^v + 1 = m}, from {@code ln m}: {@code v = 1 + W₀((m−1)/e)}.
     * Newton on {@code χ(t) = v + ln q(v) − ln m} in {@code t = ln v}, from {@code guess} (or an
     * asymptotic start when guess is not positive).
     */
    static double kktEfficiency(double lnM, double guess) {
        double v = guess;
        if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
            if (lnM < 0.0) {
                double pp = Math.sqrt(2.0 * Math.exp(lnM));
                v = pp - pp * pp / 3.0 + 11.0 / 72.0 * pp * pp * pp;
            } else {
                double l = lnM < 30.0 ? Math.log1p(Math.expm1(lnM) / Math.E) : lnM - 1.0;
                v = 1.0 + l * (1.0 - Math.log1p(l) / (2.0 + l));
            }
        }
        double t = Math.log(v);
        for (int iter = 0; iter < 100; iter++) {
            double qv = q(v);
            double value = v + Math.log(qv) - lnM;
            double slope = v * (1.0 + (1.0 - Math.exp(-v)) / qv);
            double step = value / slope;
            if (step > 2.0) {
                step = 2.0;
            } else if (step < -2.0) {
                step = -2.0;
            }
            t -= step;
            v = Math.exp(t);
            if (Math.abs(step) <= 1e-14) {
                break;
            }
        }
        return v;
    }

    private static String name() {
        return "MinEnergyUnderDeadlines";
    }

    /** Σ_k b_k(λ) − B as a function of x = ln λ, tracking the tightest feasible/infeasible x. */
    private static final class Price implements UnivariateFunction {
        private final CellArrays c;
        private final double[] rho;
        private final double[] bMin;
        private final double[] lnScale;
        private final double[] warm;
        double bestFeasible = Double.POSITIVE_INFINITY;
        double bestInfeasible = Double.NEGATIVE_INFINITY;

        Price(CellArrays c, double[] rho, double[] bMin, double[] lnScale) {
            this.c = c;
            this.rho = rho;
            this.bMin = bMin;
            this.lnScale = lnScale;
            this.warm = new double[c.size];
        }

        /** Writes b_k(λ) into b and returns their sum. */
        double allocate(double x, double[] b) {
            double sum = 0.0;
            for (int k = 0; k < c.size; k++) {
                if (c.bits[k] <= 0.0) {
                    b[k] = 0.0;
                    continue;
                }
                double v = kktEfficiency(x + lnScale[k], warm[k]);
                warm[k] = v;
                b[k] = Math.max(bMin[k], rho[k] * LN2 / v);
                sum += b[k];
            }
            return sum;
        }

        @Override
        public double value(double x) {
            double sum = 0.0;
            for (int k = 0; k < c.size; k++) {
                if (c.bits[k] <= 0.0) {
                    continue;
                }
                double v = kktEfficiency(x + lnScale[k], warm[k]);
                warm[k] = v;
                sum += Math.max(bMin[k], rho[k] * LN2 / v);
            }
            double excess = sum - c.bandwidth;
            if (excess > 0.0) {
                bestInfeasible = Math.max(bestInfeasible, x);
            } else {
                bestFeasible = Math.min(bestFeasible, x);
            }
            return excess;
        }
    }
}
