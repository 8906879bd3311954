package org.meiplan.models.instance;

import java.util.List;

/**
 * The inference workload: request classes, the horizon over which energy budgets count,
 * and the wire size of a token.
 *
 * @param bytesPerToken bytes a token takes on the air in either direction (text, ids)
 * @param activationBytes bytes per activation element sent at a split (2 for fp16)
 * @param utilisationCap a serving group (device, site GPUs, cloud replica) loaded to this utilisation
 *        or more is overloaded: a violation
 * @param targetUtilisation the utilisation planners keep serving groups at or below, at which their
 *        menus time each option, and to which the cloud scales its replicas (at most the cap)
 */
public record Workload(List<RequestClass> requests, double horizon, double bytesPerToken, double activationBytes,
        double utilisationCap, double targetUtilisation) {

    /** Default overload cap: 0.9 of a group's time. */
    public static final double DEFAULT_UTILISATION_CAP = 0.9;

    /** Default planning target: 0.6 of a group's time. */
    public static final double DEFAULT_TARGET_UTILISATION = 0.6;

    /** A workload with the default cap and target. */
    public Workload(List<RequestClass> requests, double horizon, double bytesPerToken, double activationBytes) {
        this(requests, horizon, bytesPerToken, activationBytes, DEFAULT_UTILISATION_CAP, DEFAULT_TARGET_UTILISATION);
    }

    /** The same workload with other request classes. */
    public Workload withRequests(List<RequestClass> newRequests) {
        return new Workload(newRequests, horizon, bytesPerToken, activationBytes, utilisationCap, targetUtilisation);
    }

    public Workload {
        if (!(utilisationCap > 0.0 && utilisationCap <= 1.0)) {
            throw new IllegalArgumentException("utilisationCap must be in (0, 1], was " + utilisationCap);
        }
        if (!(targetUtilisation > 0.0 && targetUtilisation <= utilisationCap)) {
            throw new IllegalArgumentException("targetUtilisation must be in (0, utilisationCap], was "
                    + targetUtilisation);
        }
        requests = List.copyOf(requests);
        Checks.positive(horizon, "horizon");
        Checks.positive(bytesPerToken, "bytesPerToken");
        Checks.positive(activationBytes, "activationBytes");
    }
}
