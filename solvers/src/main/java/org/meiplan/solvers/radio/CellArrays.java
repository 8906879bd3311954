package org.meiplan.solvers.radio;

import java.util.ArrayList;
import java.util.List;
import org.meiplan.models.physics.Radio;

/** The cell in primitive arrays, for the algorithms' inner loops. */
final class CellArrays {

    final int size;
    final double bandwidth;
    final double noise;
    final String[] ids;
    final double[] bits;
    final double[] fixed;
    final double[] gain;
    final double[] maxPower;
    final double[] deadline;
    final double[] weight;
    final double[] edge;
    /** a = P·g/N0, Hz: the SNR-bandwidth product at full power. */
    final double[] snrBandwidth;

    CellArrays(RadioCell cell) {
        List<RadioUser> users = cell.users();
        size = users.size();
        bandwidth = cell.bandwidth();
        noise = cell.noiseDensity();
        ids = new String[size];
        bits = new double[size];
        fixed = new double[size];
        gain = new double[size];
        maxPower = new double[size];
        deadline = new double[size];
        weight = new double[size];
        edge = new double[size];
        snrBandwidth = new double[size];
        for (int k = 0; k < size; k++) {
            RadioUser u = users.get(k);
            ids[k] = u.id();
            bits[k] = u.bits();
            fixed[k] = u.fixedSeconds();
            gain[k] = u.gain();
            maxPower[k] = u.maxPower();
            deadline[k] = u.deadline();
            weight[k] = u.weight();
            edge[k] = u.edgeSeconds();
            snrBandwidth[k] = u.maxPower() * u.gain() / noise;
        }
    }

    /** Rate of user k at full power over bandwidth b. */
    double fullPowerRate(int k, double b) {
        return Radio.rate(b, maxPower[k], gain[k], noise);
    }

    /**
     * The INFEASIBLE result when some user with data has no usable link (zero gain or power),
     * naming those users; {@code null} when every link works.
     */
    RadioResult deadLinkResult(String algorithm, long startNanos) {
        List<String> dead = deadLinks();
        return dead.isEmpty() ? null : infeasible(algorithm, dead, startNanos);
    }

    /** The INFEASIBLE result naming these users, with nothing allocated. */
    RadioResult infeasible(String algorithm, List<String> users, long startNanos) {
        return new RadioResult(RadioStatus.INFEASIBLE, algorithm, nothing(), Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NaN, users, System.nanoTime() - startNanos);
    }

    /**
     * The deadline windows of the minimum-energy problems, for every user with bits: τ = deadline − fixed
     * time, the rate it needs ρ = bits/τ and the least band that carries it at full power b_min (both +∞
     * when τ ≤ 0); users whose b_min exceeds the cell are unservable.
     *
     * @throws IllegalArgumentException when a user with bits has no deadline
     */
    Deadlines deadlines() {
        double[] tau = new double[size];
        double[] rho = new double[size];
        double[] bMin = new double[size];
        List<Integer> active = new ArrayList<>();
        List<String> unservable = new ArrayList<>();
        double sumMin = 0.0;
        for (int k = 0; k < size; k++) {
            if (bits[k] <= 0.0) {
                continue;
            }
            if (deadline[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("Radio user (" + ids[k] + ") has no deadline; minimum energy"
                        + " needs one (the energy falls to 0 as the deadline grows). Give it a deadline.");
            }
            tau[k] = deadline[k] - fixed[k];
            rho[k] = tau[k] > 0.0 ? bits[k] / tau[k] : Double.POSITIVE_INFINITY;
            bMin[k] = tau[k] > 0.0 ? Radio.bandwidthForRate(rho[k], maxPower[k], gain[k], noise)
                    : Double.POSITIVE_INFINITY;
            if (!(bMin[k] <= bandwidth)) {
                unservable.add(ids[k]);
            } else {
                sumMin += bMin[k];
                active.add(k);
            }
        }
        return new Deadlines(tau, rho, bMin, active, unservable, sumMin);
    }

    /**
     * See {@link #deadlines()}; {@code active} are the servable users with bits, in index order, and
     * {@code sumMin} their Σ b_min.
     */
    record Deadlines(double[] tau, double[] rho, double[] bMin, List<Integer> active, List<String> unservable,
            double sumMin) {

        /** Whether no allocation meets every deadline: someone is unservable, or Σ b_min exceeds the cell. */
        boolean infeasible(double bandwidth) {
            return !unservable.isEmpty() || sumMin > bandwidth;
        }
    }

    /** Users with bits to send and no usable link (power or gain 0). */
    List<String> deadLinks() {
        List<String> dead = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            if (bits[k] > 0.0 && !(snrBandwidth[k] > 0.0)) {
                dead.add(ids[k]);
            }
        }
        return dead;
    }

    /**
     * The allocation of the arrays, each user's time and energy recomputed from its bandwidth,
     * power and compute share with the physics in {@link Radio}. With {@code f == null} (problems
     * 1–4) the edge work is not part of the completion time.
     */
    List<UserAllocation> allocations(double[] b, double[] p, double[] f, boolean[] served) {
        List<UserAllocation> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            boolean on = served == null || served[k];
            if (!on) {
                out.add(new UserAllocation(ids[k], 0.0, 0.0, 0.0, Double.POSITIVE_INFINITY, 0.0, false));
                continue;
            }
            double share = f == null ? 0.0 : f[k];
            double rate = Radio.rate(b[k], p[k], gain[k], noise);
            double air = Radio.transferTime(bits[k], rate);
            double edgeTime = f == null || edge[k] <= 0.0 ? 0.0 : (share > 0.0 ? edge[k] / share : Double.POSITIVE_INFINITY);
            double energy = bits[k] > 0.0 ? Radio.transmitEnergy(p[k], air) : 0.0;
            out.add(new UserAllocation(ids[k], b[k], bits[k] > 0.0 ? p[k] : 0.0, share,
                    fixed[k] + air + edgeTime, energy, true));
        }
        return out;
    }

    /** All-zero allocations (used with an INFEASIBLE status). */
    List<UserAllocation> nothing() {
        List<UserAllocation> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(new UserAllocation(ids[k], 0.0, 0.0, 0.0, Double.POSITIVE_INFINITY, 0.0, false));
        }
        return out;
    }
}
