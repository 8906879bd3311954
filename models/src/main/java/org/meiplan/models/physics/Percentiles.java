package org.meiplan.models.physics;

/**
 * Percentiles of a request's time as the serving model sees it: a deterministic part, a decode
 * part with a mean, a variance and a skew (its variation comes from batch sizes and from the
 * prefills that interrupt it, a compound Poisson sum of positive jumps), and a queueing wait that
 * is zero with probability {@code 1 − pWait} and exponential otherwise.
 *
 * <p>Sources: the exponential tail of the M/G/1 waiting time, {@code P(W > t) ≈ pWait·exp(−t·pWait/E[W])},
 * from Tijms, "A First Course in Stochastic Models", Wiley 2003, §2.5; the skewed decode part as
 * a translated gamma matching its first three moments with the Wilson–Hilferty transform, the
 * standard approximation of compound Poisson sums (Kaas, Goovaerts, Dhaene, Denuit, "Modern
 * Actuarial Risk Theory", Springer 2008, §2.5); the normal CDF from Abramowitz and Stegun 7.1.26
 * (absolute error below 1.5e-7). The wait is integrated out with a 32-point midpoint rule (exactly when D has no spread) on its
 * quantiles.
 */
public final class Percentiles {

    private static final int WAIT_POINTS = 32;

    private Percentiles() {
    }

    /** Standard normal CDF Φ(x). */
    public static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2.0);
        double t = 1.0 / (1.0 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1.0 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1.0 + erf) : 0.5 * (1.0 - erf);
    }

    /**
     * CDF at {@code x} of a zero-mean variable with standard deviation {@code sd} and third central
     * moment {@code third}: the translated gamma of the same three moments (Wilson–Hilferty), the
     * Gaussian when it has no skew.
     */
    static double skewedCdf(double x, double sd, double third) {
        if (!(sd > 0.0)) {
            return x >= 0.0 ? 1.0 : 0.0;
        }
        double gamma = third / (sd * sd * sd);
        if (!(gamma > 1e-6)) {
            return normalCdf(x / sd);
        }
        gamma = Math.min(gamma, 4.0);
        double scale = 2.0 * sd / gamma;          // α/β of the gamma
        double y = (x + scale) / scale;           // (x − x0)/(α/β), x0 = −2σ/γ
        if (y <= 0.0) {
            return 0.0;
        }
        double z = (Math.cbrt(y) - 1.0 + gamma * gamma / 36.0) * 6.0 / gamma;
        return normalCdf(z);
    }

    /**
     * P(X ≤ x) for {@code X = D + W}: D of mean 0, standard deviation {@code sd} and third central
     * moment {@code third}; W zero with probability {@code 1 − pWait} and exponential with mean
     * {@code waitMean / pWait} otherwise.
     */
    public static double cdf(double x, double sd, double third, double pWait, double waitMean) {
        double base = skewedCdf(x, sd, third);
        if (!(pWait > 0.0) || !(waitMean > 0.0)) {
            return base;
        }
        double mu = waitMean / pWait;
        if (!(sd > 0.0)) {
            return (1.0 - pWait) * base + pWait * (x <= 0.0 ? 0.0 : 1.0 - Math.exp(-x / mu));
        }
        double withWait = 0.0;
        for (int i = 0; i < WAIT_POINTS; i++) {
            double u = (i + 0.5) / WAIT_POINTS;
            double w = -mu * Math.log(1.0 - u);
            withWait += skewedCdf(x - w, sd, third);
        }
        return (1.0 - pWait) * base + pWait * withWait / WAIT_POINTS;
    }

    /** The q-quantile of a time of this mean, decode spread and skew, and wait; infinite for an infinite mean. */
    public static double quantile(double q, double mean, double sd, double third, double pWait, double waitMean) {
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("a percentile must be in (0, 1), was " + q);
        }
        if (!Double.isFinite(mean) || !Double.isFinite(waitMean) || !Double.isFinite(sd)) {
            return Double.POSITIVE_INFINITY;
        }
        double p = Math.min(1.0, Math.max(0.0, pWait));
        double w = Math.max(0.0, waitMean);
        double center = mean - w; // the decode part's mean: the whole mean less the mean wait
        double lo = -10.0 * sd - 1e-12;
        double hi = 20.0 * sd + (p > 0 ? 50.0 * w / p : 0.0) + 1e-12;
        for (int i = 0; i < 50; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, sd, third, p, w) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(0.0, center + 0.5 * (lo + hi));
    }

    /** The q-quantile without skew. */
    public static double quantile(double q, double mean, double sd, double pWait, double waitMean) {
        return quantile(q, mean, sd, 0.0, pWait, waitMean);
    }
}
