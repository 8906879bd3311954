package org.meiplan.models.eval;

import java.util.Objects;

/**
 * A constraint the plan breaks: which kind, where in the plan (JSON path) or which subject
 * of the instance, how much is used against what is allowed, and a sentence for people.
 */
public record PlanViolation(Kind kind, String path, String subject, double used, double limit, String message) {

    /** The constraint families the evaluator checks. */
    public enum Kind {
        UNKNOWN_ID, DUPLICATE, MALFORMED, STORAGE, GPU_MEMORY, DEVICE_MEMORY, COMPUTE, UPLINK_BANDWIDTH,
        DOWNLINK_BANDWIDTH, SITE_POWER, USER_POWER, ENERGY, NOT_CACHED, QUALITY, PRIVACY, UNREACHABLE,
        TRAINING_WINDOW, TRAINING_MEMORY, TRAINING_COMPUTE, OVERLOAD, CLOUD_CAPACITY
    }

    public PlanViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** How far over the limit, {@code used − limit} (NaN when not a capacity). */
    public double excess() {
        return used - limit;
    }

    @Override
    public String toString() {
        return kind + " " + (path.isEmpty() ? subject : path) + ": " + message;
    }
}
