package org.meiplan.models.instance;

import java.util.Objects;

/**
 * A stream of requests from one user for one variant: its rate, token lengths, latency
 * targets (time to first token and end to end), the quality floor any substitute variant
 * must keep, and where its prompt may go.
 *
 * @param percentile the share of requests that must meet the latency targets (0.95: the SLOs are
 *        judged at the 95th percentile of time to first token and of end-to-end latency)
 */
public record RequestClass(
        String id,
        int index,
        int user,
        int variant,
        double rate,
        int promptTokens,
        int outputTokens,
        double ttftSlo,
        double latencySlo,
        double minQuality,
        Privacy privacy,
        double weight,
        double percentile) {

    /** The default percentile at which SLOs are judged. */
    public static final double DEFAULT_PERCENTILE = 0.95;

    public RequestClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(privacy, "privacy");
        Checks.nonNegative(rate, "rate");
        Checks.positive(promptTokens, "promptTokens");
        Checks.positive(outputTokens, "outputTokens");
        Checks.positive(ttftSlo, "ttftSlo");
        Checks.positive(latencySlo, "latencySlo");
        Checks.fraction(minQuality, "minQuality");
        Checks.nonNegative(weight, "weight");
        if (!(percentile >= 0.5 && percentile < 1.0)) {
            throw new IllegalArgumentException("percentile must be in [0.5, 1), was " + percentile);
        }
    }

    /** A class whose SLOs are judged at the default percentile (p95). */
    public RequestClass(String id, int index, int user, int variant, double rate, int promptTokens, int outputTokens,
            double ttftSlo, double latencySlo, double minQuality, Privacy privacy, double weight) {
        this(id, index, user, variant, rate, promptTokens, outputTokens, ttftSlo, latencySlo, minQuality, privacy,
                weight, DEFAULT_PERCENTILE);
    }

    /** The same class at another rate. */
    public RequestClass withRate(double newRate) {
        return new RequestClass(id, index, user, variant, newRate, promptTokens, outputTokens, ttftSlo, latencySlo,
                minQuality, privacy, weight, percentile);
    }
}
