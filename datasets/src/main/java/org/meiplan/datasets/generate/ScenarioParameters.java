package org.meiplan.datasets.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.units.Dimension;
import org.meiplan.models.units.Units;

/**
 * Turns named parameters (as a study grid gives them) into a generated instance: the scenario
 * and its size or counts, then scalings applied to the generated file — so that a study can
 * sweep storage, bandwidth or load on otherwise identical scenarios.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><td>scenario</td><td>a scenario name (required)</td></tr>
 *   <tr><td>size</td><td>tiny, small, medium, metro (default small)</td></tr>
 *   <tr><td>sites, users, variants</td><td>explicit counts, overriding the size</td></tr>
 *   <tr><td>storageScale</td><td>multiplies every site's storage</td></tr>
 *   <tr><td>bandwidthScale</td><td>multiplies every site's uplink and downlink bandwidth</td></tr>
 *   <tr><td>loadScale</td><td>multiplies every request class's rate</td></tr>
 *   <tr><td>gpuScale</td><td>multiplies every site's GPU count (rounded, at least 1 where there were GPUs)</td></tr>
 * </table>
 */
public final class ScenarioParameters {

    /** Every parameter name this factory understands. */
    public static final List<String> NAMES = List.of("scenario", "size", "sites", "users", "variants", "storageScale",
            "bandwidthScale", "loadScale", "gpuScale");

    private ScenarioParameters() {
    }

    /** The instance for these parameters and seed; unknown names or bad values are an {@link IllegalArgumentException}. */
    public static Instance instance(Map<String, String> parameters, long seed) {
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is not a scenario parameter. Known: "
                        + String.join(", ", NAMES) + ".");
            }
        }
        String scenario = parameters.get("scenario");
        if (scenario == null) {
            throw new IllegalArgumentException("a scenario parameter is required (one of " + String.join(", ",
                    Scenarios.names()) + ").");
        }
        Size size = Size.fromName(parameters.getOrDefault("size", "small"));
        GeneratedScenario generated;
        if (parameters.containsKey("sites") || parameters.containsKey("users") || parameters.containsKey("variants")) {
            generated = ScenarioGenerator.generate(scenario, count(parameters, "sites", size.sites()),
                    count(parameters, "users", size.users()), count(parameters, "variants", size.variants()), seed);
        } else {
            generated = ScenarioGenerator.generate(scenario, size, seed);
        }
        ObjectNode root = generated.instance();
        applyScalings(root, parameters);
        return new InstanceReader(BuiltinCatalog.instance()).read(root, generated.scenario() + " " + parameters);
    }

    /**
     * Applies the scalings among {@code parameters} ({@code storageScale}, {@code bandwidthScale},
     * {@code loadScale}, {@code gpuScale}) to an instance's JSON tree in place: a generated one or
     * the user's own file.
     */
    public static void applyScalings(ObjectNode root, Map<String, String> parameters) {
        double storage = scale(parameters, "storageScale");
        double bandwidth = scale(parameters, "bandwidthScale");
        double load = scale(parameters, "loadScale");
        double gpus = scale(parameters, "gpuScale");
        for (JsonNode node : root.path("topology").path("sites")) {
            if (!node.isObject()) {
                continue;
            }
            ObjectNode site = (ObjectNode) node;
            scaleQuantity(site, "storage", Dimension.BYTES, storage);
            for (String field : List.of("bandwidth", "uplinkBandwidth", "downlinkBandwidth")) {
                scaleQuantity(site, field, Dimension.FREQUENCY, bandwidth);
            }
            if (site.has("gpus") && site.get("gpus").canConvertToInt() && gpus != 1.0) {
                int before = site.get("gpus").asInt();
                site.put("gpus", before == 0 ? 0 : Math.max(1, (int) Math.round(before * gpus)));
            }
        }
        for (JsonNode node : root.path("workload").path("requests")) {
            if (node.isObject()) {
                scaleQuantity((ObjectNode) node, "rate", Dimension.RATE, load);
            }
        }
    }

    /** Checks one parameter value without generating anything; a bad value is an {@link IllegalArgumentException}. */
    public static void check(String name, String value) {
        switch (name) {
            case "scenario" -> {
                if (!Scenarios.names().contains(value)) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a scenario. Choose one of: "
                            + String.join(", ", Scenarios.names()) + ".");
                }
            }
            case "size" -> Size.fromName(value);
            case "sites", "users", "variants" -> count(Map.of(name, value), name, 1);
            case "storageScale", "bandwidthScale", "loadScale", "gpuScale" -> scale(Map.of(name, value), name);
            default -> throw new IllegalArgumentException("\"" + name + "\" is not a scenario parameter. Known: "
                    + String.join(", ", NAMES) + ".");
        }
    }

    private static int count(Map<String, String> parameters, String name, int fallback) {
        String text = parameters.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " = \"" + text + "\" must be a whole number of at least 1.");
        }
    }

    static double scale(Map<String, String> parameters, String name) {
        String text = parameters.get(name);
        if (text == null) {
            return 1.0;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value > 0.0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " = \"" + text + "\" must be a positive number.");
        }
    }

    private static void scaleQuantity(ObjectNode node, String field, Dimension dimension, double factor) {
        JsonNode value = node.get(field);
        if (value == null || factor == 1.0) {
            return;
        }
        if (!value.isNumber() && !value.isTextual()) {
            return; // not a quantity: left for the reader to report with its path
        }
        double si;
        try {
            si = value.isNumber() ? value.doubleValue() : Units.parse(value.asText(), dimension);
        } catch (IllegalArgumentException e) {
            return; // a bad unit: the reader reports it with its path
        }
        node.put(field, si * factor);
    }
}
