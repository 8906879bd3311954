package org.meiplan.cli;

import java.util.Locale;
import org.meiplan.models.units.Dimension;
import org.meiplan.models.units.Units;
import picocli.CommandLine;

/**
 * Durations in options: plain seconds ({@code 30}, {@code 0.5}) or a number with a time unit, with or without a
 * space ({@code 5s}, {@code 2 min}, {@code 500ms}, {@code 1h}); the units are those of instance files.
 */
final class Durations implements CommandLine.ITypeConverter<Double> {

    @Override
    public Double convert(String text) {
        return parse(text);
    }

    static double parse(String text) {
        String trimmed = text.trim();
        int split = 0;
        while (split < trimmed.length() && "0123456789.+-eE".indexOf(trimmed.charAt(split)) >= 0) {
            // stop at an exponent letter that starts a unit rather than an exponent
            char c = trimmed.charAt(split);
            if ((c == 'e' || c == 'E') && (split + 1 >= trimmed.length()
                    || "0123456789+-".indexOf(trimmed.charAt(split + 1)) < 0)) {
                break;
            }
            split++;
        }
        String spaced = split < trimmed.length() && trimmed.charAt(split) != ' '
                ? trimmed.substring(0, split) + " " + trimmed.substring(split) : trimmed;
        double seconds;
        try {
            seconds = Units.parse(spaced, Dimension.TIME);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("\"" + text + "\" is not a duration: write seconds (30) or a"
                    + " number with a unit (5s, 2 min, 500 ms, 1h); units: " + String.join(", ",
                            Units.unitsOf(Dimension.TIME)) + ".");
        }
        if (!Double.isFinite(seconds)) {
            throw new CommandLine.TypeConversionException(String.format(Locale.ROOT, "\"%s\" is not a finite"
                    + " duration.", text));
        }
        return seconds;
    }
}
