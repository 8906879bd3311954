package org.meiplan.datasets.generate;

import org.meiplan.models.physics.PathLoss;

import java.util.List;
import java.util.Objects;

/**
 * What a scenario draws its instances from: site layout and channel, where users are and
 * which devices they hold, the edge servers, the models and how popular they are, the
 * request mixes and privacy rules, fine-tuning jobs, and (for moving users) snapshots.
 * Every list is non-empty and its weights need not sum to one.
 *
 * @param privacy shares of prompts that may go anywhere, only to the edge, only stay on the device
 * @param requestsPerUser request classes per user (1 or more)
 * @param energyBudgetWh battery energy a phone may spend over the horizon, Wh; ≤ 0 for none
 * @param snapshots number of snapshots (1 for a static scenario)
 * @param snapshotInterval seconds between snapshots
 */
public record Scenario(
        String name,
        String description,
        SiteLayout layout,
        PathLoss pathLoss,
        UserPlacement placement,
        List<Weighted<String>> devices,
        List<Weighted<SiteKit>> siteKits,
        Radio radio,
        List<Weighted<Base>> bases,
        List<String> loraPresets,
        double zipfExponent,
        List<Weighted<RequestMix>> mixes,
        double[] privacy,
        int requestsPerUser,
        double energyBudgetWh,
        TrainingMix training,
        int snapshots,
        double snapshotInterval,
        Mobility mobility) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(pathLoss, "pathLoss");
        Objects.requireNonNull(placement, "placement");
        devices = nonEmpty(devices, "devices");
        siteKits = nonEmpty(siteKits, "siteKits");
        Objects.requireNonNull(radio, "radio");
        bases = nonEmpty(bases, "bases");
        loraPresets = nonEmpty(loraPresets, "loraPresets");
        mixes = nonEmpty(mixes, "mixes");
        if (privacy.length != 3) {
            throw new IllegalArgumentException("privacy needs three shares (any, edge, device).");
        }
        privacy = privacy.clone();
        if (requestsPerUser < 1 || snapshots < 1 || !(snapshotInterval > 0)) {
            throw new IllegalArgumentException("Need >= 1 request per user, >= 1 snapshot and a positive interval.");
        }
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(mobility, "mobility");
    }

    @Override
    public double[] privacy() {
        return privacy.clone();
    }

    private static <T> List<T> nonEmpty(List<T> list, String what) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("A scenario needs at least one entry in " + what + ".");
        }
        return List.copyOf(list);
    }

    /** A choice with a relative weight. */
    public record Weighted<T>(double weight, T value) {
        public Weighted {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("Weights must be positive, got " + weight + ".");
            }
            Objects.requireNonNull(value, "value");
        }
    }

    /** An edge server: accelerator profile id, how many, cache storage in bytes. */
    public record SiteKit(String gpu, int gpus, double storage) {
    }

    /**
     * Radio parameters: carrier bandwidth (Hz), site and user transmit power (dBm), backhaul
     * rate (bit/s) and latency (s), site-to-site link rate (bit/s) and latency (s).
     */
    public record Radio(double bandwidth, double siteTxDbm, double userTxDbm, double backhaulRate,
            double backhaulLatency, double linkRate, double linkLatency) {
    }

    /** A base model: catalog architecture and precision ids. */
    public record Base(String architecture, String precision) {
        /** The variant id of the base: architecture-precision. */
        public String id() {
            return architecture + "-" + precision;
        }
    }

    /**
     * A request mix: token lengths drawn uniformly from [min, max], latency targets (s),
     * mean request rate per second and per class.
     */
    public record RequestMix(String label, int promptMin, int promptMax, int outputMin, int outputMax, double ttft,
            double latency, double rate) {
    }

    /**
     * Fine-tuning jobs: how many per site, tokens and epochs ranges, release within the first
     * {@code releaseWindow} s, deadline {@code slackMin..slackMax} s after release, privacy
     * shares (any, edge, device), horizon (s), and whether jobs belong to users (split
     * fine-tuning from the device) or are pinned to a site.
     */
    public record TrainingMix(double jobsPerSite, double tokensMin, double tokensMax, double epochsMin, double epochsMax,
            double releaseWindow, double slackMin, double slackMax, double[] privacy, double horizon, boolean ownedByUsers) {
        public TrainingMix {
            privacy = privacy.clone();
        }

        @Override
        public double[] privacy() {
            return privacy.clone();
        }
    }
}
