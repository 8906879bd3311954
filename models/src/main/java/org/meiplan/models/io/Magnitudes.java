package org.meiplan.models.io;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.meiplan.models.units.Dimension;

/**
 * The magnitudes the readers accept for each dimension, in SI: a largest value and a smallest
 * non-zero one. They lie far outside any real network or model (a 1 MW transmitter, an exabyte
 * of storage, a zettaFLOP/s GPU, a year-long latency target) and close enough that every
 * product and quotient the physics and the formulations form stays finite in a double: the
 * planner never meets an infinite coefficient. A value outside is a violation naming the range.
 */
final class Magnitudes {

    /** [smallest non-zero magnitude, largest magnitude] of one dimension. */
    private record Span(double min, double max) {
    }

    private static final Map<Dimension, Span> SPANS = new EnumMap<>(Dimension.class);

    static {
        SPANS.put(Dimension.NUMBER, new Span(1e-12, 1e15));        // counts, ratios, weights, params, tokens
        SPANS.put(Dimension.BYTES, new Span(1e-6, 1e18));          // bytes per token ... 1 EB
        SPANS.put(Dimension.BIT_RATE, new Span(1.0, 1e15));        // 1 bit/s ... 1 Pbit/s
        SPANS.put(Dimension.BYTE_RATE, new Span(1.0, 1e16));       // 1 B/s ... 10 PB/s
        SPANS.put(Dimension.FLOP_RATE, new Span(1.0, 1e21));       // 1 FLOP/s ... 1 ZFLOP/s
        SPANS.put(Dimension.FLOP, new Span(1.0, 1e30));
        SPANS.put(Dimension.FREQUENCY, new Span(1.0, 1e12));       // 1 Hz ... 1 THz
        SPANS.put(Dimension.POWER, new Span(1e-15, 1e6));          // -120 dBm ... 1 MW (90 dBm)
        SPANS.put(Dimension.POWER_DENSITY, new Span(1e-25, 1e-6)); // -220 dBm/Hz ... -30 dBm/Hz
        SPANS.put(Dimension.ENERGY, new Span(1e-12, 1e15));
        SPANS.put(Dimension.TIME, new Span(1e-9, 1e9));            // 1 ns ... 31.7 years
        SPANS.put(Dimension.LENGTH, new Span(1e-3, 1e8));          // 1 mm ... 100,000 km
        SPANS.put(Dimension.GAIN, new Span(1e-30, 1e3));           // -300 dB ... +30 dB
        SPANS.put(Dimension.RATE, new Span(1e-9, 1e9));            // events per second
    }

    private Magnitudes() {
    }

    /** What is wrong with {@code value} (finite, in SI) as a quantity of {@code dimension}, or null. */
    static String problem(Dimension dimension, double value) {
        Span span = SPANS.get(dimension);
        double magnitude = Math.abs(value);
        if (magnitude > span.max()) {
            return "is larger than the largest supported " + describe(dimension) + " ("
                    + format(span.max(), dimension) + ")";
        }
        if (magnitude != 0.0 && magnitude < span.min()) {
            return "is smaller than the smallest supported non-zero " + describe(dimension) + " ("
                    + format(span.min(), dimension) + ")";
        }
        return null;
    }

    /** The accepted range of {@code dimension}, as a hint. */
    static String hint(Dimension dimension) {
        Span span = SPANS.get(dimension);
        return "Give 0 or a magnitude from " + format(span.min(), dimension) + " to " + format(span.max(), dimension)
                + "; check the unit.";
    }

    private static String describe(Dimension dimension) {
        String text = dimension.description();
        return text.startsWith("a ") ? text.substring(2) : text.startsWith("an ") ? text.substring(3) : text;
    }

    private static String format(double value, Dimension dimension) {
        String unit = dimension.siUnit();
        return String.format(Locale.ROOT, "%.0e", value).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e")
                + (unit.isEmpty() ? "" : " " + unit);
    }
}
