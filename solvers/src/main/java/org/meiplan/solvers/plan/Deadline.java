package org.meiplan.solvers.plan;

/**
 * A point on the monotonic clock ({@link System#nanoTime()}) by which a whole command must be done — reading,
 * planning, evaluating, writing. Each step asks {@link #remainingSeconds()} and takes only what is left, so the steps
 * together keep one wall-clock limit. Immutable; {@link #NONE} never passes.
 */
public record Deadline(long nanos) {

    /** A deadline that never passes. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** The deadline {@code seconds} from now. */
    public static Deadline after(double seconds) {
        if (!(seconds >= 0.0)) {
            throw new IllegalArgumentException("a deadline must be >= 0 s from now, was " + seconds);
        }
        long now = System.nanoTime();
        double nanos = seconds * 1e9;
        return nanos >= Long.MAX_VALUE / 2.0 ? NONE : new Deadline(now + (long) nanos);
    }

    /** Seconds left (never negative; {@link Double#POSITIVE_INFINITY} for {@link #NONE}). */
    public double remainingSeconds() {
        if (this.equals(NONE)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0.0, (nanos - System.nanoTime()) / 1e9);
    }

    /** Whether the deadline has passed. */
    public boolean passed() {
        return !equals(NONE) && System.nanoTime() - nanos >= 0;
    }

    /** This deadline moved earlier by {@code seconds} (time kept for a later step, such as writing the plan). */
    public Deadline minus(double seconds) {
        if (equals(NONE)) {
            return NONE;
        }
        return new Deadline(nanos - (long) (Math.max(0.0, seconds) * 1e9));
    }
}
