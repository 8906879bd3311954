package org.meiplan.models.eval;

/**
 * What one request class experiences under the plan. Times are per request, s; the
 * breakdown adds up to {@code latency}. Unserved classes have NaN times.
 *
 * @param site the edge site that serves (part of) it, or null
 * @param ttft mean time to first token, s (load-dependent: queueing and batching included)
 * @param latency mean end-to-end latency, s
 * @param sloMet whether both SLOs hold at the class's percentile
 * @param deviceEnergy J the user's device spends per request (compute and transmit)
 * @param percentile the share of requests the SLOs are judged at (0.95: p95)
 * @param ttftPercentile time to first token at that percentile, s
 * @param latencyPercentile end-to-end latency at that percentile, s
 * @param utilisation the highest utilisation among the serving groups the class runs on
 */
public record RequestMetrics(
        String request,
        String mode,
        String variant,
        String site,
        boolean served,
        double uplink,
        double downlink,
        double backhaul,
        double deviceCompute,
        double edgeCompute,
        double cloudCompute,
        double ttft,
        double latency,
        boolean sloMet,
        double quality,
        double deviceEnergy,
        double percentile,
        double ttftPercentile,
        double latencyPercentile,
        double utilisation) {
}
