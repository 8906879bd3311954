package org.meiplan.models.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses quantities written as unit strings ({@code "24 GB"}, {@code "100 MHz"},
 * {@code "23 dBm"}, {@code "-174 dBm/Hz"}, {@code "150 ms"}, {@code "65 TFLOPS"}) into SI
 * doubles. Decimal prefixes (kB = 1e3 B) and binary ones (KiB = 1024 B) both parse.
 *
 * <p>Logarithmic units (dB, dBm, dBW, dBm/Hz) are converted to linear SI values.
 */
public final class Units {

    private static final Pattern QUANTITY =
            Pattern.compile("^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S.*?)?\\s*$");

    /** A linear unit: multiply the number by the factor. */
    private record Linear(double factor) {
    }

    private static final Map<Dimension, Map<String, Linear>> LINEAR = new HashMap<>();

    static {
        Map<String, Linear> bytes = new HashMap<>();
        bytes.put("B", new Linear(1));
        putDecimal(bytes, "B", 1);
        bytes.put("KB", new Linear(1e3));
        putBinary(bytes, "B", 1);
        bytes.put("bit", new Linear(0.125));
        putDecimal(bytes, "bit", 0.125);
        putDecimal(bytes, "b", 0.125);
        LINEAR.put(Dimension.BYTES, bytes);

        Map<String, Linear> bitRate = new HashMap<>();
        for (String unit : List.of("bps", "bit/s", "b/s")) {
            bitRate.put(unit, new Linear(1));
            putDecimal(bitRate, unit, 1);
        }
        bitRate.put("B/s", new Linear(8));
        putDecimal(bitRate, "B/s", 8);
        putBinary(bitRate, "B/s", 8);
        bitRate.put("Bps", new Linear(8));
        putDecimal(bitRate, "Bps", 8);
        LINEAR.put(Dimension.BIT_RATE, bitRate);

        Map<String, Linear> byteRate = new HashMap<>();
        byteRate.put("B/s", new Linear(1));
        putDecimal(byteRate, "B/s", 1);
        putBinary(byteRate, "B/s", 1);
        byteRate.put("bit/s", new Linear(0.125));
        putDecimal(byteRate, "bit/s", 0.125);
        putDecimal(byteRate, "bps", 0.125);
        LINEAR.put(Dimension.BYTE_RATE, byteRate);

        Map<String, Linear> flopRate = new HashMap<>();
        for (String unit : List.of("FLOPS", "FLOP/s", "OPS", "OP/s", "flops")) {
            flopRate.put(unit, new Linear(1));
            putDecimal(flopRate, unit, 1);
        }
        LINEAR.put(Dimension.FLOP_RATE, flopRate);

        Map<String, Linear> flop = new HashMap<>();
        for (String unit : List.of("FLOP", "OP")) {
            flop.put(unit, new Linear(1));
            putDecimal(flop, unit, 1);
        }
        LINEAR.put(Dimension.FLOP, flop);

        Map<String, Linear> frequency = new HashMap<>();
        frequency.put("Hz", new Linear(1));
        putDecimal(frequency, "Hz", 1);
        LINEAR.put(Dimension.FREQUENCY, frequency);

        Map<String, Linear> power = new HashMap<>();
        power.put("W", new Linear(1));
        power.put("mW", new Linear(1e-3));
        power.put("uW", new Linear(1e-6));
        power.put("kW", new Linear(1e3));
        power.put("MW", new Linear(1e6));
        LINEAR.put(Dimension.POWER, power);

        Map<String, Linear> density = new HashMap<>();
        density.put("W/Hz", new Linear(1));
        density.put("mW/Hz", new Linear(1e-3));
        LINEAR.put(Dimension.POWER_DENSITY, density);

        Map<String, Linear> energy = new HashMap<>();
        energy.put("J", new Linear(1));
        energy.put("mJ", new Linear(1e-3));
        energy.put("uJ", new Linear(1e-6));
        energy.put("kJ", new Linear(1e3));
        energy.put("MJ", new Linear(1e6));
        energy.put("Wh", new Linear(3600));
        energy.put("mWh", new Linear(3.6));
        energy.put("kWh", new Linear(3.6e6));
        LINEAR.put(Dimension.ENERGY, energy);

        Map<String, Linear> time = new HashMap<>();
        time.put("s", new Linear(1));
        time.put("ms", new Linear(1e-3));
        time.put("us", new Linear(1e-6));
        time.put("\u00b5s", new Linear(1e-6));
        time.put("ns", new Linear(1e-9));
        time.put("min", new Linear(60));
        time.put("h", new Linear(3600));
        LINEAR.put(Dimension.TIME, time);

        Map<String, Linear> length = new HashMap<>();
        length.put("m", new Linear(1));
        length.put("km", new Linear(1e3));
        length.put("cm", new Linear(1e-2));
        LINEAR.put(Dimension.LENGTH, length);

        Map<String, Linear> rate = new HashMap<>();
        rate.put("/s", new Linear(1));
        rate.put("1/s", new Linear(1));
        rate.put("Hz", new Linear(1));
        rate.put("/min", new Linear(1.0 / 60));
        rate.put("/h", new Linear(1.0 / 3600));
        LINEAR.put(Dimension.RATE, rate);

        LINEAR.put(Dimension.NUMBER, Map.of());
        LINEAR.put(Dimension.GAIN, Map.of());
    }

    private Units() {
    }

    private static void putDecimal(Map<String, Linear> map, String unit, double base) {
        String[] prefixes = {"k", "M", "G", "T", "P", "E"};
        double factor = base;
        for (String prefix : prefixes) {
            factor *= 1e3;
            map.put(prefix + unit, new Linear(factor));
        }
    }

    private static void putBinary(Map<String, Linear> map, String unit, double base) {
        String[] prefixes = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        double factor = base;
        for (String prefix : prefixes) {
            factor *= 1024;
            map.put(prefix + unit, new Linear(factor));
        }
    }

    /**
     * Parses {@code text} as a quantity of the given dimension.
     *
     * @return the SI value
     * @throws UnitException when the text is not a number followed by a unit of this dimension
     */
    public static double parse(String text, Dimension dimension) {
        Matcher matcher = QUANTITY.matcher(text);
        if (!matcher.matches()) {
            throw new UnitException("is not a number with a unit", hint(dimension));
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2);
        if (unit.isEmpty()) {
            if (dimension == Dimension.GAIN || dimension == Dimension.NUMBER || dimension == Dimension.RATE) {
                return number;
            }
            return number; // a bare number in a string is taken as SI, like a JSON number
        }
        Double logarithmic = logarithmic(number, unit, dimension);
        if (logarithmic != null) {
            return logarithmic;
        }
        Linear linear = LINEAR.get(dimension).get(unit);
        if (linear == null) {
            throw new UnitException("has unit \"" + unit + "\", which is not " + dimension.description()
                    + " unit" + suggestion(unit, dimension), hint(dimension));
        }
        return number * linear.factor();
    }

    private static Double logarithmic(double number, String unit, Dimension dimension) {
        switch (dimension) {
            case POWER:
                if (unit.equals("dBm")) {
                    return Math.pow(10, (number - 30) / 10);
                }
                if (unit.equals("dBW")) {
                    return Math.pow(10, number / 10);
                }
                return null;
            case POWER_DENSITY:
                if (unit.equals("dBm/Hz")) {
                    return Math.pow(10, (number - 30) / 10);
                }
                if (unit.equals("dBW/Hz")) {
                    return Math.pow(10, number / 10);
                }
                return null;
            case GAIN:
                if (unit.equals("dB")) {
                    return Math.pow(10, number / 10);
                }
                return null;
            default:
                return null;
        }
    }

    /** The unit strings accepted for a dimension, sorted, for messages and docs. */
    public static List<String> unitsOf(Dimension dimension) {
        List<String> units = new ArrayList<>(LINEAR.get(dimension).keySet());
        switch (dimension) {
            case POWER -> units.addAll(List.of("dBm", "dBW"));
            case POWER_DENSITY -> units.addAll(List.of("dBm/Hz", "dBW/Hz"));
            case GAIN -> units.add("dB");
            default -> {
            }
        }
        units.sort(String::compareTo);
        return units;
    }

    private static String suggestion(String unit, Dimension dimension) {
        // Of the units equal but for case, one of the dimension's own family (a power of ten or of 1024 of its SI unit:
        // bytes for a size, bits for a data rate), then the one that agrees with the most letters as written:
        // "mbps" for a data rate means megabits ("Mbps"), not megabytes ("MBps"); "gb" for a size means "GB".
        String lower = unit.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = -1;
        for (String candidate : unitsOf(dimension)) {
            if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                Linear linear = LINEAR.get(dimension).get(candidate);
                int score = linear != null && ownFamily(linear.factor()) ? 1000 : 0;
                for (int i = 0; i < unit.length(); i++) {
                    score += unit.charAt(i) == candidate.charAt(i) ? 1 : 0;
                }
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        if (best != null) {
            return " (did you mean \"" + best + "\"? units are case-sensitive)";
        }
        for (Dimension other : Dimension.values()) {
            if (other != dimension && unitsOf(other).contains(unit)) {
                return " but " + other.description();
            }
        }
        return "";
    }

    /** Whether a factor is a power of ten or of 1024 (a unit of the dimension's own family, not bits for bytes). */
    private static boolean ownFamily(double factor) {
        double ten = Math.log10(factor);
        double binary = Math.log(factor) / Math.log(1024);
        return Math.abs(ten - Math.rint(ten)) < 1e-9 || Math.abs(binary - Math.rint(binary)) < 1e-9;
    }

    private static String hint(Dimension dimension) {
        return switch (dimension) {
            case NUMBER -> "Write a plain number.";
            case BYTES -> "Write bytes as a number or with a unit, e.g. \"24 GB\" or \"512 MiB\".";
            case BIT_RATE -> "Write a data rate, e.g. \"1 Gbps\" or \"200 Mbit/s\".";
            case BYTE_RATE -> "Write a memory bandwidth, e.g. \"3.35 TB/s\" or \"68 GB/s\".";
            case FLOP_RATE -> "Write a compute rate, e.g. \"65 TFLOPS\" or \"45 TOPS\".";
            case FLOP -> "Write an amount of work, e.g. \"3 PFLOP\".";
            case FREQUENCY -> "Write a frequency, e.g. \"100 MHz\" or \"3.5 GHz\".";
            case POWER -> "Write a power, e.g. \"23 dBm\" or \"0.2 W\".";
            case POWER_DENSITY -> "Write a noise density, e.g. \"-174 dBm/Hz\".";
            case ENERGY -> "Write an energy, e.g. \"50 J\" or \"10 Wh\".";
            case TIME -> "Write a duration, e.g. \"150 ms\" or \"2 s\".";
            case LENGTH -> "Write a distance, e.g. \"250 m\" or \"1.2 km\".";
            case GAIN -> "Write a gain as a linear number or in dB, e.g. \"-95 dB\".";
            case RATE -> "Write a rate as a number per second or e.g. \"12 /min\".";
        };
    }

    /** A quantity string that could not be read; the message lacks the field, which the caller adds. */
    public static final class UnitException extends IllegalArgumentException {
        private final String hint;

        UnitException(String problem, String hint) {
            super(problem);
            this.hint = hint;
        }

        /** What would fix it. */
        public String hint() {
            return hint;
        }
    }
}
