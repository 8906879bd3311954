package org.meiplan.models.physics;

/**
 * Percentiles of a request's time as the serving model sees it: a deterministic part, a
 * Gaussian part (decode time, whose variation comes from batch sizes and prefill interruptions)
 * and a queueing wait that is zero with probability {@code 1 − pWait} and exponential otherwise.
 *
 * <p>The exponential tail of the M/G/1 waiting time, {@code P(W > t) ≈ pWait·exp(−t·pWait/E[W])},
 * is the standard approximation of Tijms, "A First Course in Stochastic Models", Wiley 2003,
 * §2.5 (eq. 2.5.5 with the asymptotic decay replaced by the two-moment fit); the sum of an
 * exponential and a Gaussian is the exponentially modified Gaussian, whose CDF is closed form.
 * The normal CDF uses Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).
 */
public final class Percentiles {

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
     * P(X ≤ x) for {@code X = mean-offset Gaussian(0, sd) + W}, W zero with probability
     * {@code 1 − pWait} and exponential with mean {@code waitMean / pWait} otherwise.
     */
    public static double cdf(double x, double sd, double pWait, double waitMean) {
        double gauss = sd > 0.0 ? normalCdf(x / sd) : (x >= 0.0 ? 1.0 : 0.0);
        if (!(pWait > 0.0) || !(waitMean > 0.0)) {
            return gauss;
        }
        double mu = waitMean / pWait;
        double withWait;
        if (sd <= 0.0) {
            withWait = x <= 0.0 ? 0.0 : 1.0 - Math.exp(-x / mu);
        } else {
            // exponentially modified Gaussian: Φ(x/σ) − exp(−x/μ + σ²/(2μ²))·Φ(x/σ − σ/μ)
            double exponent = -x / mu + sd * sd / (2.0 * mu * mu);
            double tail = exponent > 700 ? 0.0 : Math.exp(exponent) * normalCdf(x / sd - sd / mu);
            withWait = Math.max(0.0, gauss - tail);
        }
        return (1.0 - pWait) * gauss + pWait * withWait;
    }

    /**
     * The q-quantile of {@code fixed + Gaussian(decodeMean, sd) + W}; infinite when the mean
     * is infinite. Found by bisection on the CDF (60 halvings).
     */
    public static double quantile(double q, double mean, double sd, double pWait, double waitMean) {
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("a percentile must be in (0, 1), was " + q);
        }
        if (!Double.isFinite(mean) || !Double.isFinite(waitMean) || !Double.isFinite(sd)) {
            return Double.POSITIVE_INFINITY;
        }
        double p = Math.min(1.0, Math.max(0.0, pWait));
        double w = Math.max(0.0, waitMean);
        double center = mean - w; // the Gaussian's mean: the whole mean less the mean wait
        double lo = -10.0 * sd - 1e-12;
        double hi = 10.0 * sd + (p > 0 ? 50.0 * w / p : 0.0) + 1e-12;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, sd, p, w) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(0.0, center + 0.5 * (lo + hi));
    }
}
