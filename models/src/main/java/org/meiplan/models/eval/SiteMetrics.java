package org.meiplan.models.eval;

/**
 * Resources one site uses under the plan against what it has. Compute is FLOP/s demanded
 * by the requests it serves (and training) against sustained FLOP/s; utilisation is the serving
 * model's (prefill plus marginal decode time per second of its GPU group).
 */
public record SiteMetrics(
        String site,
        double storageUsed,
        double storage,
        double gpuWeights,
        double gpuKvCache,
        double gpuMemory,
        double computeLoad,
        double computeCapacity,
        double uplinkBandwidthUsed,
        double uplinkBandwidth,
        double downlinkBandwidthUsed,
        double downlinkBandwidth,
        double powerUsed,
        double power,
        int cachedVariants,
        double utilisation) {
}
