package org.meiplan.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Workload;
import org.meiplan.models.units.Dimension;

/**
 * Reads the serving model's fields of an instance: the overload cap and planning target of
 * {@code workload}, and the percentile at which a request class's SLOs are judged
 * ({@code workload.percentile} for every class, {@code workload.requests[i].percentile} for one).
 * Each bad value is reported with its path, the value and a hint, like every other field.
 */
final class ServingFieldsReader {

    /** Fields this reader adds to {@code workload}. */
    static final Set<String> WORKLOAD_FIELDS = Set.of("utilisationCap", "targetUtilisation", "percentile");

    /** Fields this reader adds to a request class. */
    static final Set<String> REQUEST_FIELDS = Set.of("percentile");

    /** The workload-wide settings. */
    record Settings(double utilisationCap, double targetUtilisation, double percentile) {
    }

    private final JsonCheck check;

    ServingFieldsReader(JsonCheck check) {
        this.check = check;
    }

    /** The cap, target and default percentile of a workload node (defaults when absent or bad). */
    Settings workload(JsonNode node, String path) {
        double cap = check.quantity(node, "utilisationCap", path, Dimension.NUMBER, JsonCheck.Range.POSITIVE_FRACTION,
                Workload.DEFAULT_UTILISATION_CAP, false);
        double defaultTarget = Math.min(cap, Workload.DEFAULT_TARGET_UTILISATION);
        double target = check.quantity(node, "targetUtilisation", path, Dimension.NUMBER,
                JsonCheck.Range.POSITIVE_FRACTION, defaultTarget, false);
        if (target > cap) {
            check.add(path + "/targetUtilisation", JsonCheck.show(node.get("targetUtilisation")),
                    "is above the utilisation cap (" + cap + ")",
                    "Planners keep groups at the target, which must not be an overload; lower it or raise the cap.");
            target = cap;
        }
        double percentile = percentile(node, path, RequestClass.DEFAULT_PERCENTILE);
        return new Settings(cap, target, percentile);
    }

    /** The percentile of one request class, or {@code fallback}. */
    double percentile(JsonNode node, String path, double fallback) {
        double p = check.quantity(node, "percentile", path, Dimension.NUMBER, JsonCheck.Range.ANY, fallback, false);
        if (!(p >= 0.5 && p < 1.0)) {
            check.add(path + "/percentile", JsonCheck.show(node.get("percentile")), "must be in [0.5, 1)",
                    "Write the share of requests that must meet the SLOs, e.g. 0.95 for the 95th percentile"
                            + " or 0.5 for the median.");
            return fallback;
        }
        return p;
    }
}
