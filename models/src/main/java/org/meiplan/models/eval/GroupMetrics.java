package org.meiplan.models.eval;

/**
 * One serving group under the plan (a device, a site's GPUs, the replicas of one variant in
 * the cloud) as the serving model sees it: per replica, its utilisation (prefill plus marginal
 * decode time per second; overloaded at the workload's cap), the share of time it is busy and
 * the mean number of sequences decoding.
 */
public record GroupMetrics(
        String group,
        String kind,
        int replicas,
        int gpusPerReplica,
        double utilisation,
        double prefillUtilisation,
        double busy,
        double meanBatch,
        boolean overloaded) {
}
