package org.meiplan.solvers.study;

import java.util.Locale;
import java.util.Map;

/**
 * Words for a study's columns: the axis title with its unit, the factor from the CSV's SI
 * value to the unit shown ({@code storagePerSite} is bytes in the CSV, GB on the axis), and
 * the range the quantity can take (confidence bands are clipped to it: a ratio never shows
 * above 1). Legends read "Caching algorithm: greedy", not {@code algorithm.caching=greedy}.
 */
public final class StudyLabels {

    /** How a column is shown: words with unit, SI-to-shown factor, least and greatest possible values. */
    public record Axis(String title, double factor, double min, double max) {
        /** The title without its unit, in lower case after the first word (for "y against x" titles). */
        public String words() {
            int paren = title.indexOf(" (");
            return paren < 0 ? title : title.substring(0, paren);
        }
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    private static final Map<String, Axis> COLUMNS = Map.ofEntries(
            Map.entry("hitRatio", new Axis("Cache hit ratio", 1, 0, 1)),
            Map.entry("sloMetFraction", new Axis("Share of request classes within their SLO", 1, 0, 1)),
            Map.entry("joint", new Axis("Joint objective (SLO share + on-time share)", 1, 0, 2)),
            Map.entry("meanLatency", new Axis("Mean latency (s)", 1, 0, INF)),
            Map.entry("maxLatency", new Axis("Maximum latency (s)", 1, 0, INF)),
            Map.entry("devicePower", new Axis("Device power (W)", 1, 0, INF)),
            Map.entry("jobsOnTime", new Axis("Training jobs on time", 1, 0, INF)),
            Map.entry("jobs", new Axis("Training jobs", 1, 0, INF)),
            Map.entry("violations", new Axis("Violated constraints", 1, 0, INF)),
            Map.entry("feasible", new Axis("Share of feasible plans", 1, 0, 1)),
            Map.entry("seconds", new Axis("Run time (s)", 1, 0, INF)),
            Map.entry("seed", new Axis("Seed", 1, -INF, INF)),
            Map.entry("siteCount", new Axis("Sites", 1, 0, INF)),
            Map.entry("userCount", new Axis("Users", 1, 0, INF)),
            Map.entry("requestClasses", new Axis("Request classes", 1, 0, INF)),
            Map.entry("storagePerSite", new Axis("Storage per site (GB)", 1e-9, 0, INF)),
            Map.entry("gpusPerSite", new Axis("GPUs per site", 1, 0, INF)),
            Map.entry("demand", new Axis("Demand (requests/s)", 1, 0, INF)),
            Map.entry("storageScale", new Axis("Storage (× the scenario's)", 1, 0, INF)),
            Map.entry("bandwidthScale", new Axis("Radio bandwidth (× the scenario's)", 1, 0, INF)),
            Map.entry("loadScale", new Axis("Load (× the scenario's request rates)", 1, 0, INF)),
            Map.entry("gpuScale", new Axis("GPUs (× the scenario's)", 1, 0, INF)),
            Map.entry("sites", new Axis("Sites", 1, 0, INF)),
            Map.entry("users", new Axis("Users", 1, 0, INF)),
            Map.entry("variants", new Axis("Model variants", 1, 0, INF)),
            Map.entry("timeLimit", new Axis("Time limit (s)", 1, 0, INF)),
            Map.entry("gap", new Axis("Target relative gap", 1, 0, INF)),
            Map.entry("scenario", new Axis("Scenario", 1, -INF, INF)),
            Map.entry("size", new Axis("Size", 1, -INF, INF)),
            Map.entry("instance", new Axis("Instance", 1, -INF, INF)),
            Map.entry("stages", new Axis("Stages", 1, -INF, INF)),
            Map.entry("weights", new Axis("Weights (inference, training)", 1, -INF, INF)));

    private StudyLabels() {
    }

    /** How {@code column} is shown. */
    public static Axis axis(String column) {
        Axis known = COLUMNS.get(column);
        if (known != null) {
            return known;
        }
        int dot = column.indexOf('.');
        if (dot > 0) {
            String stage = capitalize(column.substring(0, dot));
            String field = column.substring(dot + 1);
            return switch (field) {
                case "objective" -> new Axis(stage + " objective", 1, -INF, INF);
                case "bound" -> new Axis(stage + " bound", 1, -INF, INF);
                case "gap" -> new Axis(stage + " relative gap", 1, 0, INF);
                case "seconds" -> new Axis(stage + " solve time (s)", 1, 0, INF);
                case "status" -> new Axis(stage + " status", 1, -INF, INF);
                case "solver" -> new Axis(stage + " solver", 1, -INF, INF);
                default -> {
                    String words = column.startsWith("algorithm.") ? capitalize(column.substring(dot + 1)) + " algorithm"
                            : column.startsWith("solver.") ? capitalize(column.substring(dot + 1)) + " solver"
                            : stage + " " + words(field).toLowerCase(Locale.ROOT);
                    yield new Axis(words, 1, -INF, INF);
                }
            };
        }
        return new Axis(capitalize(words(column)), 1, -INF, INF);
    }

    /** The legend entry of one series: "Caching algorithm: greedy". */
    public static String legend(String column, String value) {
        return axis(column).words() + ": " + value;
    }

    /** camelCase split into lower-case words: "meanLatency" → "mean latency". */
    static String words(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c == '-' || c == '_' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
