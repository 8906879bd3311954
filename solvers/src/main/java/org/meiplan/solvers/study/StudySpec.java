package org.meiplan.solvers.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.meiplan.models.io.Suggestions;

/**
 * A study: a grid of parameters (scenario parameters and planner options), the seeds each
 * grid point runs with, the planner's stages and time limit, and the plots to draw.
 *
 * <pre>{@code
 * {"name": "hit-vs-storage",
 *  "grid": {"scenario": ["virtual-assistant"], "size": ["small"],
 *           "storageScale": [0.25, 0.5, 1, 2], "algorithm.caching": ["greedy", "independent"]},
 *  "seeds": 5,
 *  "stages": ["caching"], "timeLimit": 10, "parallel": 2,
 *  "plots": [{"x": "storagePerSite", "y": "hitRatio", "series": "algorithm.caching", "file": "hit.png"}]}
 * }</pre>
 *
 * Grid keys {@code stages} (stage names joined by {@code +}), {@code timeLimit}, {@code gap},
 * {@code algorithm.<stage>}, {@code solver.<stage>} and {@code weights} ({@code inference,training})
 * set planner options; every other key is a parameter of the {@link InstanceFactory} (a generated
 * scenario, or {@code instance}: the user's own instance files, relative to the spec file).
 *
 * <p>Reading is strict: every mistake is an {@link IllegalArgumentException} naming the JSON
 * path, the value and a fix, and a study larger than {@link #MAX_RUNS} runs is refused before
 * anything is built.
 */
public record StudySpec(
        String name,
        Map<String, List<String>> grid,
        List<Long> seeds,
        List<String> stages,
        double timeLimitSeconds,
        int threadsPerRun,
        int parallel,
        List<PlotSpec> plots,
        String description) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Grid keys that set planner options rather than scenario parameters. */
    public static final Set<String> PLANNER_KEYS = Set.of("stages", "timeLimit", "gap", "weights");

    /** The most runs (grid points × seeds) one study may have: 10^6 (about 3 years of 100-s runs on one core). */
    public static final long MAX_RUNS = 1_000_000L;

    /** The most threads or parallel runs a spec may ask for. */
    public static final int MAX_THREADS = 4096;

    /** The longest time limit of one run a spec may give, s (one day). */
    public static final double MAX_TIME_LIMIT = 86_400.0;

    /** Fields a spec may have. */
    static final Set<String> FIELDS = new TreeSet<>(List.of("name", "grid", "seeds", "stages", "timeLimit",
            "threadsPerRun", "parallel", "plots", "description"));

    /** Fields a plot may have. */
    static final Set<String> PLOT_FIELDS = new TreeSet<>(List.of("x", "y", "series", "file", "title", "xLog", "yLog"));

    /**
     * One plot: y against x, one line per value of {@code series} (may be null), written to
     * {@code file} (PNG, with SVG and PDF beside it). {@code title} (may be null) replaces the
     * title made from the column names; {@code xLog} and {@code yLog} are {@code "auto"},
     * {@code "true"} or {@code "false"} (auto: logarithmic when every value is positive and
     * they span at least two decades).
     */
    public record PlotSpec(String x, String y, String series, String file, String title, String xLog, String yLog)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public PlotSpec(String x, String y, String series, String file) {
            this(x, y, series, file, null, "auto", "auto");
        }

        public PlotSpec {
            xLog = xLog == null ? "auto" : xLog;
            yLog = yLog == null ? "auto" : yLog;
        }
    }

    /** A spec without a description. */
    public StudySpec(String name, Map<String, List<String>> grid, List<Long> seeds, List<String> stages,
            double timeLimitSeconds, int threadsPerRun, int parallel, List<PlotSpec> plots) {
        this(name, grid, seeds, stages, timeLimitSeconds, threadsPerRun, parallel, plots, "");
    }

    public StudySpec {
        description = description == null ? "" : description;
        grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        seeds = List.copyOf(seeds);
        stages = List.copyOf(stages);
        plots = List.copyOf(plots);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one seed");
        }
        if (!(timeLimitSeconds > 0) || timeLimitSeconds > MAX_TIME_LIMIT) {
            throw new IllegalArgumentException("timeLimit must be positive and at most " + (long) MAX_TIME_LIMIT + " s");
        }
        if (parallel < 1 || threadsPerRun < 1) {
            throw new IllegalArgumentException("parallel and threadsPerRun must be at least 1");
        }
    }

    /** The same study with another number of runs at once. */
    public StudySpec withParallel(int runsAtOnce) {
        return new StudySpec(name, grid, seeds, stages, timeLimitSeconds, threadsPerRun, runsAtOnce, plots, description);
    }

    /** Whether a grid key is a planner option. */
    public static boolean isPlannerKey(String key) {
        return PLANNER_KEYS.contains(key) || key.startsWith("algorithm.") || key.startsWith("solver.");
    }

    /** Every grid point, in the order of the grid's keys (the last key varies fastest). */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> point : points) {
                for (String value : axis.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }

    /** Number of runs: grid points times seeds. */
    public int runs() {
        return Math.toIntExact(pointCount(grid) * seeds.size());
    }

    private static long pointCount(Map<String, List<String>> grid) {
        long count = 1;
        for (List<String> values : grid.values()) {
            count = Math.multiplyExact(count, values.size());
            if (count > MAX_RUNS) {
                return MAX_RUNS + 1;
            }
        }
        return count;
    }

    /** Reads a spec file; mistakes are an {@link IllegalArgumentException} naming the file and the field. */
    public static StudySpec read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder; give the study spec's JSON file.");
        }
        long size = Files.size(file);
        if (size > 16L << 20) {
            throw new IllegalArgumentException(file + " is " + size + " bytes; a study spec is at most 16 MiB."
                    + " Check that this is the spec and not a results file.");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(file + " is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + ". Check for a missing comma, quote or bracket near that place.", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text; save the study spec as UTF-8 JSON.", e);
        }
        String fallbackName = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return parse(root, fallbackName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a spec from JSON. */
    public static StudySpec parse(JsonNode root, String fallbackName) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a study spec must be a JSON object such as {\"grid\": {\"scenario\":"
                    + " [\"virtual-assistant\"]}, \"seeds\": 3}");
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("/" + field + ": unknown field in the study spec" + suggestion(field,
                        FIELDS) + " Known: " + String.join(", ", FIELDS) + ".");
            }
        });
        String name = fallbackName;
        if (root.has("name")) {
            if (!root.get("name").isTextual() || root.get("name").asText().isBlank()) {
                throw new IllegalArgumentException("/name: " + root.get("name") + " must be a non-empty string.");
            }
            name = root.get("name").asText();
        }
        Map<String, List<String>> grid = grid(root.get("grid"));
        List<Long> seeds = seeds(root.path("seeds"), pointCount(grid));
        List<String> stages = new ArrayList<>();
        JsonNode stageNode = root.path("stages");
        if (!stageNode.isMissingNode()) {
            if (!stageNode.isArray() || stageNode.isEmpty()) {
                throw new IllegalArgumentException("/stages: " + stageNode + " must be a non-empty list of stage names,"
                        + " such as [\"caching\", \"serving\"]; leave it out to run every stage.");
            }
            for (int i = 0; i < stageNode.size(); i++) {
                if (!stageNode.get(i).isTextual()) {
                    throw new IllegalArgumentException("/stages/" + i + ": " + stageNode.get(i) + " must be a stage name.");
                }
                stages.add(stageNode.get(i).asText());
            }
        }
        double timeLimit = number(root, "timeLimit", 10.0);
        if (!(timeLimit > 0) || timeLimit > MAX_TIME_LIMIT) {
            throw new IllegalArgumentException("/timeLimit: " + root.get("timeLimit") + " must be a number of seconds"
                    + " above 0 and at most " + (long) MAX_TIME_LIMIT + ".");
        }
        int threads = count(root, "threadsPerRun", 1);
        int parallel = count(root, "parallel", Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<PlotSpec> plots = plots(root.path("plots"), name);
        JsonNode description = root.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            throw new IllegalArgumentException("/description: " + description + " must be a string.");
        }
        return new StudySpec(name, grid, seeds, stages, timeLimit, threads, parallel, plots, description.asText(""));
    }

    private static Map<String, List<String>> grid(JsonNode gridNode) {
        if (gridNode == null || !gridNode.isObject()) {
            throw new IllegalArgumentException("/grid: " + (gridNode == null ? "missing" : gridNode.toString())
                    + "; it must be an object of parameter -> list of values, such as {\"scenario\":"
                    + " [\"virtual-assistant\"], \"size\": [\"tiny\"]}.");
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = gridNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> axis = fields.next();
            String path = "/grid/" + axis.getKey();
            if (axis.getKey().isBlank()) {
                throw new IllegalArgumentException("/grid: a parameter name is empty; remove it or name the parameter.");
            }
            List<String> values = new ArrayList<>();
            JsonNode list = axis.getValue();
            if (list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    values.add(text(list.get(i), path + "/" + i));
                }
            } else {
                values.add(text(list, path));
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException(path + ": needs at least one value, such as [1]; remove the"
                        + " parameter to keep its default.");
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (int i = 0; i < values.size(); i++) {
                if (!distinct.add(values.get(i))) {
                    throw new IllegalArgumentException(path + "/" + i + ": \"" + values.get(i) + "\" appears twice;"
                            + " two runs would have the same id. Remove the repeat.");
                }
            }
            grid.put(axis.getKey(), values);
            if (pointCount(grid) > MAX_RUNS) {
                throw new IllegalArgumentException("/grid: more than " + MAX_RUNS + " grid points; split the study"
                        + " into several specs.");
            }
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("/grid: {} has no parameter; a study needs at least the instances to"
                    + " run on, such as {\"scenario\": [\"virtual-assistant\"], \"size\": [\"tiny\"]} or {\"instance\":"
                    + " [\"nets/a.json\"]}.");
        }
        return grid;
    }

    private static List<Long> seeds(JsonNode seedNode, long points) {
        List<Long> seeds = new ArrayList<>();
        long cap = Math.max(1, MAX_RUNS / Math.max(1, points));
        if (seedNode.isIntegralNumber()) {
            if (!seedNode.canConvertToLong() || seedNode.asLong() < 1 || seedNode.asLong() > cap) {
                throw new IllegalArgumentException("/seeds: " + seedNode + " seeds; give a count from 1 to " + cap
                        + " (with " + points + " grid points a study has at most " + MAX_RUNS + " runs), or a list of"
                        + " seeds such as [1, 2, 3].");
            }
            for (long s = 1; s <= seedNode.asLong(); s++) {
                seeds.add(s);
            }
        } else if (seedNode.isArray()) {
            if (seedNode.isEmpty() || seedNode.size() > cap) {
                throw new IllegalArgumentException("/seeds: a list of " + seedNode.size() + " seeds; give from 1 to "
                        + cap + " (a study has at most " + MAX_RUNS + " runs).");
            }
            Set<Long> distinct = new LinkedHashSet<>();
            for (int i = 0; i < seedNode.size(); i++) {
                JsonNode s = seedNode.get(i);
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw new IllegalArgumentException("/seeds/" + i + ": " + s + " is not a whole number from "
                            + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ".");
                }
                if (!distinct.add(s.asLong())) {
                    throw new IllegalArgumentException("/seeds/" + i + ": " + s + " appears twice; remove the repeat.");
                }
            }
            seeds.addAll(distinct);
        } else if (seedNode.isMissingNode()) {
            seeds.add(1L);
        } else {
            throw new IllegalArgumentException("/seeds: " + seedNode + "; give a count such as 5 or a list of whole"
                    + " numbers such as [1, 2, 3].");
        }
        return seeds;
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode node = root.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("/" + field + ": " + node + " must be a number such as " + fallback + ".");
        }
        return node.asDouble();
    }

    private static int count(JsonNode root, String field, int fallback) {
        JsonNode node = root.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MAX_THREADS) {
            throw new IllegalArgumentException("/" + field + ": " + node + " must be a whole number from 1 to "
                    + MAX_THREADS + ".");
        }
        return node.asInt();
    }

    private static List<PlotSpec> plots(JsonNode plotsNode, String name) {
        List<PlotSpec> plots = new ArrayList<>();
        if (plotsNode.isMissingNode()) {
            return plots;
        }
        if (!plotsNode.isArray()) {
            throw new IllegalArgumentException("/plots: " + plotsNode + " must be a list of plots such as [{\"x\":"
                    + " \"storagePerSite\", \"y\": \"hitRatio\"}].");
        }
        Set<String> files = new LinkedHashSet<>();
        for (int i = 0; i < plotsNode.size(); i++) {
            JsonNode plot = plotsNode.get(i);
            String path = "/plots/" + i;
            if (!plot.isObject()) {
                throw new IllegalArgumentException(path + ": " + plot + " must be an object such as {\"x\":"
                        + " \"storagePerSite\", \"y\": \"hitRatio\"}.");
            }
            plot.fieldNames().forEachRemaining(field -> {
                if (!PLOT_FIELDS.contains(field)) {
                    throw new IllegalArgumentException(path + "/" + field + ": unknown field of a plot"
                            + suggestion(field, PLOT_FIELDS) + " Known: " + String.join(", ", PLOT_FIELDS) + ".");
                }
            });
            if (!plot.path("x").isTextual() || !plot.path("y").isTextual()) {
                throw new IllegalArgumentException(path + ": needs \"x\" and \"y\" column names, such as {\"x\":"
                        + " \"storagePerSite\", \"y\": \"hitRatio\"}");
            }
            for (String field : List.of("series", "file", "title")) {
                if (plot.has(field) && !plot.get(field).isTextual() && !plot.get(field).isNull()) {
                    throw new IllegalArgumentException(path + "/" + field + ": " + plot.get(field) + " must be a string.");
                }
            }
            String x = plot.get("x").asText();
            String y = plot.get("y").asText();
            String file = plot.hasNonNull("file") ? plot.get("file").asText() : name + "-" + y + "-vs-" + x + ".png";
            if (file.isBlank() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                throw new IllegalArgumentException(path + "/file: \"" + file + "\" must be a plain file name such as"
                        + " \"hit.png\" (plots go to --plots-dir).");
            }
            if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                file = file + ".png";
            }
            if (!files.add(file)) {
                throw new IllegalArgumentException(path + "/file: \"" + file + "\" is the file of another plot too;"
                        + " give each plot its own file.");
            }
            plots.add(new PlotSpec(x, y, plot.hasNonNull("series") ? plot.get("series").asText() : null, file,
                    plot.hasNonNull("title") ? plot.get("title").asText() : null, logSetting(plot, "xLog", path),
                    logSetting(plot, "yLog", path)));
        }
        return plots;
    }

    private static String logSetting(JsonNode plot, String field, String path) {
        JsonNode node = plot.get(field);
        if (node == null || node.isNull()) {
            return "auto";
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.asBoolean());
        }
        if (node.isTextual() && node.asText().equals("auto")) {
            return "auto";
        }
        throw new IllegalArgumentException(path + "/" + field + ": " + node + " must be true, false or \"auto\".");
    }

    private static String text(JsonNode value, String path) {
        if (value.isNumber()) {
            if (!Double.isFinite(value.asDouble())) {
                throw new IllegalArgumentException(path + ": " + value + " is not a finite number.");
            }
            return value.numberValue().toString();
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode v = value.get(i);
                if (!v.isValueNode() || v.isNull()) {
                    throw new IllegalArgumentException(path + "/" + i + ": " + v + " must be a number or a string.");
                }
                parts.add(v.asText());
            }
            return String.join("+", parts);
        }
        throw new IllegalArgumentException(path + ": " + value + " must be a number, a string or a list of them.");
    }

    /** " Did you mean \"x\"?" for the closest known name (the readers' rule, {@link Suggestions}), or "." when none is close. */
    static String suggestion(String given, Set<String> known) {
        String best = Suggestions.nearest(given, known);
        return best == null ? "." : ". Did you mean \"" + best + "\"?";
    }
}
