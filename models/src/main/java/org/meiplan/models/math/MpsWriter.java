package org.meiplan.models.math;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link Program} in MPS format.
 *
 * <ul>
 *   <li>{@link Format#FREE} (default): whitespace-separated fields, the program's readable names (whitespace
 *       replaced by {@code _}). Read by GLPK ({@code glpsol --freemps}), HiGHS, CBC, SCIP, CPLEX, Gurobi.</li>
 *   <li>{@link Format#FIXED}: column positions of the original format; names longer than 8 characters are replaced by
 *       {@code C0000001} / {@code R0000001}, and a comment block maps each short name to the readable one. Numbers
 *       are written in at most 12 characters (the width of fields 4 and 6); when that changes a number by more than
 *       {@value #FIXED_MAX_RELATIVE_ROUNDING} relative, the writer refuses ({@link IllegalArgumentException}: use
 *       free MPS or LP). The largest rounding is stated in a comment.</li>
 * </ul>
 * A maximisation is written as the minimisation of the negated objective, and a comment and the {@code NAME} record
 * say so: the optimum of the file is the negated optimum of the program. There is no {@code OBJSENSE} section, which
 * GLPK 5.0 rejects ("invalid indicator record") and CBC ignores (it then minimises), so every reader agrees on the
 * sense.
 * Ranged rows are {@code G} rows with a {@code RANGES} entry; rows without finite bound are extra {@code N} rows.
 * Integer columns sit between {@code INTORG}/{@code INTEND} markers with explicit bounds (binaries: {@code BV}). The
 * objective constant {@code c0} is written as {@code RHS} of the objective row with value {@code -c0}, the convention
 * of CPLEX, Gurobi and HiGHS.
 */
public final class MpsWriter {
    /** MPS dialect. */
    public enum Format {
        FREE,
        FIXED
    }

    /** Largest relative change that rounding a number to 12 characters may make in fixed MPS. */
    public static final double FIXED_MAX_RELATIVE_ROUNDING = 1e-6;

    /** Suffix of the {@code NAME} record of a maximisation written as a minimisation of the negated objective. */
    public static final String NEGATED_SUFFIX = "_NEGATED_MAX";

    private static final int FIXED_NUMBER_WIDTH = 12;

    private MpsWriter() {
    }

    public static String toString(Program p, Format format) {
        StringWriter w = new StringWriter();
        try {
            write(p, w, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void write(Program p, Path file, Format format) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(p, w, format);
        }
    }

    public static void write(Program p, Writer out, Format format) throws IOException {
        int n = p.numVariables();
        int m = p.numConstraints();
        String[] cols = new String[n];
        String[] rows = new String[m];
        for (int j = 0; j < n; j++) {
            cols[j] = ExportNames.mps(p.variableName(j));
        }
        for (int r = 0; r < m; r++) {
            rows[r] = ExportNames.mps(p.constraintName(r));
        }
        ExportNames.unique(cols, Set.of());
        ExportNames.unique(rows, Set.of("obj"));
        boolean fixed = format == Format.FIXED;
        boolean negate = p.sense() == Sense.MAXIMIZE;
        double sign = negate ? -1.0 : 1.0;
        java.util.function.DoubleFunction<String> num = fixed ? MpsWriter::fixedNumber : ExportNames::number;
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("* Program: ").append(p.name()).append('\n');
        sb.append("* ").append(p.features()).append('\n');
        if (negate) {
            sb.append("* Maximisation written as minimisation of the negated objective (no OBJSENSE section, which\n")
                    .append("* GLPK rejects and CBC ignores): the program's optimum is minus the optimum of this file.\n");
        }
        if (fixed) {
            if (n > 9_999_999 || m > 9_999_999) {
                throw new IllegalArgumentException("fixed MPS names have 8 characters, too few for " + n + " columns and "
                        + m + " rows of " + p.name() + "; write free MPS or LP instead.");
            }
            double worst = fixedRounding(p);
            if (worst > FIXED_MAX_RELATIVE_ROUNDING) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "fixed MPS fields hold 12 characters, and"
                        + " rounding the numbers of %s to 12 characters changes one by %.3g relative (more than %.0e);"
                        + " write free MPS or LP instead.", p.name(), worst, FIXED_MAX_RELATIVE_ROUNDING));
            }
            sb.append(String.format(Locale.ROOT, "* Fixed MPS: numbers rounded to 12 characters, largest relative change"
                    + " %s%n", worst == 0.0 ? "0" : String.format(Locale.ROOT, "%.3g", worst)));
            shorten(cols, "C", sb);
            shorten(rows, "R", sb);
        }
        sb.append("NAME          ").append(ExportNames.mps(p.name())).append(negate ? NEGATED_SUFFIX : "").append('\n');
        sb.append("ROWS\n");
        sb.append(" N  obj\n");
        for (int r = 0; r < m; r++) {
            double lo = p.rowLower(r);
            double hi = p.rowUpper(r);
            String type = lo == hi ? "E" : lo == Double.NEGATIVE_INFINITY ? (hi == Double.POSITIVE_INFINITY ? "N" : "L") : "G";
            sb.append(' ').append(type).append("  ").append(rows[r]).append('\n');
        }
        // transpose rows to columns
        int[] colStart = new int[n + 1];
        for (int k = 0; k < p.numNonZeros(); k++) {
            colStart[p.column(k) + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] fill = colStart.clone();
        int[] rowOf = new int[(int) p.numNonZeros()];
        double[] valOf = new double[rowOf.length];
        for (int r = 0; r < m; r++) {
            for (int k = p.rowStart(r); k < p.rowEnd(r); k++) {
                int pos = fill[p.column(k)]++;
                rowOf[pos] = r;
                valOf[pos] = p.coefficient(k);
            }
        }
        sb.append("COLUMNS\n");
        boolean inInt = false;
        int markers = 0;
        for (int j = 0; j < n; j++) {
            if (p.isIntegral(j) != inInt) {
                inInt = !inInt;
                String marker = "MARKER" + markers++;
                line(sb, fixed, "", marker, "'MARKER'", "", inInt ? "'INTORG'" : "'INTEND'", "");
            }
            boolean any = false;
            if (p.objectiveCoefficient(j) != 0) {
                line(sb, fixed, "", cols[j], "obj", num.apply(sign * p.objectiveCoefficient(j)), null, null);
                any = true;
            }
            for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                line(sb, fixed, "", cols[j], rows[rowOf[k]], num.apply(valOf[k]), null, null);
                any = true;
            }
            if (!any) {
                line(sb, fixed, "", cols[j], "obj", "0", null, null);
            }
            flushIfLarge(sb, out);
        }
        if (inInt) {
            line(sb, fixed, "", "MARKER" + markers, "'MARKER'", "", "'INTEND'", "");
        }
        sb.append("RHS\n");
        if (p.objectiveConstant() != 0) {
            line(sb, fixed, "", "RHS", "obj", num.apply(-sign * p.objectiveConstant()), null, null);
        }
        boolean anyRange = false;
        for (int r = 0; r < m; r++) {
            double lo = p.rowLower(r);
            double hi = p.rowUpper(r);
            double rhs = lo == Double.NEGATIVE_INFINITY ? hi : lo;
            if (Double.isFinite(rhs) && rhs != 0) {
                line(sb, fixed, "", "RHS", rows[r], num.apply(rhs), null, null);
            }
            anyRange |= lo != hi && Double.isFinite(lo) && Double.isFinite(hi);
        }
        if (anyRange) {
            sb.append("RANGES\n");
            for (int r = 0; r < m; r++) {
                double lo = p.rowLower(r);
                double hi = p.rowUpper(r);
                if (lo != hi && Double.isFinite(lo) && Double.isFinite(hi)) {
                    line(sb, fixed, "", "RNG", rows[r], num.apply(hi - lo), null, null);
                }
            }
        }
        sb.append("BOUNDS\n");
        for (int j = 0; j < n; j++) {
            double lo = p.lower(j);
            double hi = p.upper(j);
            boolean integral = p.isIntegral(j);
            if (p.kind(j) == VariableKind.BINARY && lo == 0 && hi == 1) {
                line(sb, fixed, "BV", "BND", cols[j], "", null, null);
            } else if (lo == hi) {
                line(sb, fixed, "FX", "BND", cols[j], num.apply(lo), null, null);
            } else if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
                line(sb, fixed, "FR", "BND", cols[j], "", null, null);
            } else {
                if (lo == Double.NEGATIVE_INFINITY) {
                    line(sb, fixed, "MI", "BND", cols[j], "", null, null);
                } else if (lo != 0 || integral) {
                    line(sb, fixed, "LO", "BND", cols[j], num.apply(lo), null, null);
                }
                if (hi != Double.POSITIVE_INFINITY) {
                    line(sb, fixed, "UP", "BND", cols[j], num.apply(hi), null, null);
                } else if (integral) {
                    line(sb, fixed, "PL", "BND", cols[j], "", null, null);
                }
            }
            flushIfLarge(sb, out);
        }
        sb.append("ENDATA\n");
        out.write(sb.toString());
        out.flush();
    }

    /** The shortest text of at most 12 characters for a number (fixed MPS), rounding when it must. */
    static String fixedNumber(double v) {
        String exact = ExportNames.number(v);
        if (exact.length() <= FIXED_NUMBER_WIDTH) {
            return exact;
        }
        for (int digits = FIXED_NUMBER_WIDTH - 1; digits >= 1; digits--) {
            java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(digits))
                    .stripTrailingZeros();
            String plain = rounded.toPlainString();
            if (plain.length() <= FIXED_NUMBER_WIDTH) {
                return plain;
            }
            String digitsText = rounded.unscaledValue().abs().toString();
            int exponent = digitsText.length() - 1 - rounded.scale();
            String scientific = (rounded.signum() < 0 ? "-" : "") + digitsText.charAt(0)
                    + (digitsText.length() > 1 ? "." + digitsText.substring(1) : "") + "E" + exponent;
            if (scientific.length() <= FIXED_NUMBER_WIDTH) {
                return scientific;
            }
        }
        throw new IllegalArgumentException("the number " + v + " does not fit in 12 characters");
    }

    /** The largest relative change {@link #fixedNumber} makes to a number of the program. */
    static double fixedRounding(Program p) {
        double worst = 0.0;
        for (int j = 0; j < p.numVariables(); j++) {
            worst = Math.max(worst, Math.max(rounding(p.objectiveCoefficient(j)),
                    Math.max(rounding(p.lower(j)), rounding(p.upper(j)))));
        }
        for (int r = 0; r < p.numConstraints(); r++) {
            double lo = p.rowLower(r);
            double hi = p.rowUpper(r);
            worst = Math.max(worst, Math.max(rounding(lo), rounding(hi)));
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                worst = Math.max(worst, rounding(hi - lo));
            }
            for (int k = p.rowStart(r); k < p.rowEnd(r); k++) {
                worst = Math.max(worst, rounding(p.coefficient(k)));
            }
        }
        return Math.max(worst, rounding(p.objectiveConstant()));
    }

    private static double rounding(double v) {
        if (!Double.isFinite(v) || v == 0.0) {
            return 0.0;
        }
        double written = Double.parseDouble(fixedNumber(v));
        return Math.abs(written - v) / Math.abs(v);
    }

    private static void shorten(String[] names, String prefix, StringBuilder sb) {
        boolean needed = false;
        for (String s : names) {
            needed |= s.length() > 8;
        }
        if (!needed) {
            return;
        }
        for (int i = 0; i < names.length; i++) {
            String shortName = prefix + String.format(Locale.ROOT, "%07d", i + 1);
            sb.append("* ").append(shortName).append(' ').append(names[i]).append('\n');
            names[i] = shortName;
        }
    }

    /** Writes one data line: fields 1..6 (field 1 is a bound type, blank otherwise). */
    private static void line(StringBuilder sb, boolean fixed, String f1, String f2, String f3, String f4, String f5,
                             String f6) {
        if (fixed) {
            // columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61
            sb.append(' ').append(pad(f1, 2)).append(' ').append(pad(f2, 8)).append("  ").append(pad(f3, 8));
            if (!f4.isEmpty() || f5 != null) {
                sb.append("  ").append(pad(f4, 12));
            }
            if (f5 != null) {
                sb.append("   ").append(pad(f5, 8));
                if (f6 != null && !f6.isEmpty()) {
                    sb.append("  ").append(f6);
                }
            }
            int end = sb.length();
            while (sb.charAt(end - 1) == ' ') {
                end--;
            }
            sb.setLength(end);
        } else {
            sb.append(f1.isEmpty() ? "   " : " " + f1 + " ").append(' ').append(f2).append(' ').append(f3);
            if (!f4.isEmpty()) {
                sb.append(' ').append(f4);
            }
            if (f5 != null) {
                sb.append(' ').append(f5);
            }
        }
        sb.append('\n');
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    private static void flushIfLarge(StringBuilder sb, Writer out) throws IOException {
        if (sb.length() > (1 << 20)) {
            out.write(sb.toString());
            sb.setLength(0);
        }
    }
}
