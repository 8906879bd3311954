package org.meiplan.solvers.radio;

import java.util.ArrayList;
import java.util.List;
import org.meiplan.models.math.ConstraintFamily;
import org.meiplan.models.math.Dimension;
import org.meiplan.models.math.LinearExpression;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.ProgramBuilder;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.math.VariableArray;
import org.meiplan.models.physics.Radio;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * Minimum transmit energy under deadlines by the general route: Kelley's cutting planes on the
 * outer-approximation LP, solved through the math layer (GLOP by the backend selection). The
 * specialised {@link MinEnergyUnderDeadlines} is the one to use; this class is its independent
 * check and the baseline of the benchmarks.
 *
 * <p><b>LP.</b> With the same reduction as {@link MinEnergyUnderDeadlines} (each user sends over
 * its whole window, {@code p_k ≤ P_k ⇔ b_k ≥ b_k^min}): {@code min Σ_k e_k} s.t.
 * {@code e_k ≥ E_k(b̂) + E_k'(b̂)·(b_k − b̂)} for every cut point b̂ ({@link TangentCuts#energy}),
 * {@code Σ_k b_k ≤ B}, {@code b_k^min ≤ b_k ≤ B}. E_k is convex, so the LP optimum is a lower
 * bound; its bandwidths are feasible and their true energy is an upper bound. Source: J. E.
 * Kelley, J. SIAM 8(4), 1960.
 *
 * <p><b>Running time.</b> One LP per round until the gap is below
 * {@link RadioTolerances#optimalityGap()} (at most 200 rounds; 1,000 users: about 35 rounds,
 * 9 s).
 */
public final class OuterApproximationMinEnergy implements MinEnergyAllocator {

    private static final int MAX_ROUNDS = 200;

    private final RadioTolerances tolerances;

    public OuterApproximationMinEnergy() {
        this(RadioTolerances.DEFAULT);
    }

    public OuterApproximationMinEnergy(RadioTolerances tolerances) {
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
        List<Integer> active = d.active();
        double[] best = new double[n];
        double upper = Double.POSITIVE_INFINITY;
        double lower = 0.0;
        RadioStatus status = RadioStatus.FEASIBLE;
        if (active.isEmpty()) {
            upper = 0.0;
        } else {
            OuterApproximationMinMaxTime.Cuts cuts = new OuterApproximationMinMaxTime.Cuts();
            double slack = (c.bandwidth - sumMin) / active.size();
            double[] cut = new double[2];
            for (int i = 0; i < active.size(); i++) {
                int k = active.get(i);
                for (double m : OuterApproximationMinMaxTime.INITIAL_POINTS) {
                    TangentCuts.energy(c, k, tau[k], rho[k], Math.min(c.bandwidth, bMin[k] + slack * m), cut);
                    cuts.add(i, cut);
                }
            }
            double[] b = new double[n];
            for (int round = 0; round < MAX_ROUNDS; round++) {
                SolveResult lp = Solvers.solve(program(c, active, bMin, cuts), SolveOptions.DEFAULTS);
                if (lp.status() != SolveStatus.OPTIMAL) {
                    break;
                }
                lower = Math.max(lower, lp.objective());
                double energy = 0.0;
                double used = 0.0;
                for (int i = 0; i < active.size(); i++) {
                    int k = active.get(i);
                    b[k] = Math.max(bMin[k], lp.value(i));
                    used += b[k];
                }
                double scale = Math.min(1.0, c.bandwidth / used);
                for (int k : active) {
                    b[k] = Math.max(bMin[k], b[k] * scale);
                    energy += tau[k] * Radio.powerForRate(rho[k], b[k], c.gain[k], c.noise);
                }
                if (energy < upper) {
                    upper = energy;
                    System.arraycopy(b, 0, best, 0, n);
                }
                if (RadioResult.relativeGap(upper, lower) <= tolerances.optimalityGap()) {
                    status = RadioStatus.OPTIMAL;
                    break;
                }
                for (int i = 0; i < active.size(); i++) {
                    int k = active.get(i);
                    double point = Math.max(bMin[k], lp.value(i));
                    double lpEnergy = lp.value(active.size() + i);
                    double trueEnergy = tau[k] * Radio.powerForRate(rho[k], point, c.gain[k], c.noise);
                    if (trueEnergy > lpEnergy + 1e-3 * tolerances.optimalityGap() * upper / active.size()) {
                        TangentCuts.energy(c, k, tau[k], rho[k], point, cut);
                        cuts.add(i, cut);
                    }
                }
            }
        }
        double[] p = new double[n];
        for (int k : active) {
            p[k] = Math.min(c.maxPower[k], Radio.powerForRate(rho[k], best[k], c.gain[k], c.noise));
        }
        List<UserAllocation> users = c.allocations(best, p, null, null);
        double objective = 0.0;
        for (UserAllocation a : users) {
            objective += a.energy();
        }
        double bound = Math.min(lower, objective);
        double gap = RadioResult.relativeGap(objective, bound);
        if (gap <= tolerances.optimalityGap()) {
            status = RadioStatus.OPTIMAL;
        }
        return new RadioResult(status, name(), users, objective, bound, gap, List.of(), System.nanoTime() - start);
    }

    /** The LP over the current cuts; columns: b (active users), then e (active users). */
    private static Program program(CellArrays c, List<Integer> active, double[] bMin,
            OuterApproximationMinMaxTime.Cuts cuts) {
        // data
        int m = active.size();
        List<String> ids = new ArrayList<>(m);
        for (int k : active) {
            ids.add(c.ids[k]);
        }
        Dimension users = Dimension.of("user", ids);
        ProgramBuilder pb = Program.builder("radio-energy-outer-approximation");
        // variables: b_k^min ≤ b_k ≤ B, e_k ≥ 0
        VariableArray b = pb.continuous("b", 0.0, c.bandwidth, users);
        for (int i = 0; i < m; i++) {
            pb.bounds(b.at(i), bMin[active.get(i)], c.bandwidth);
        }
        VariableArray e = pb.continuous("e", 0.0, Double.POSITIVE_INFINITY, users);
        // constraints
        // Σ_k b_k ≤ B
        pb.constraints("band").add(new LinearExpression(m).sum(m, b::at).le(c.bandwidth));
        // e_k − E_k'(b̂)·b_k ≥ E_k(b̂) − E_k'(b̂)·b̂   for every user k and cut point b̂
        ConstraintFamily family = pb.constraints("energy");
        for (int j = 0; j < cuts.size; j++) {
            int i = cuts.user[j];
            family.addLabelled("user=" + ids.get(i) + ",cut=" + j,
                    new LinearExpression(2).term(e.at(i)).term(-cuts.slope[j], b.at(i)).ge(cuts.intercept[j]));
        }
        // objective: Σ_k e_k
        pb.minimize(new LinearExpression(m).sum(m, e::at));
        return pb.build();
    }

    private static String name() {
        return "OuterApproximationMinEnergy";
    }
}
