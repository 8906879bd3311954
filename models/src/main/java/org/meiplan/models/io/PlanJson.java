package org.meiplan.models.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.JsonCheck.Range;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.RadioGrant;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.Stage;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.models.plan.TrainingRun;
import org.meiplan.models.units.Dimension;

/**
 * Reads and writes plans. Written plans use SI numbers and spell out every stage; a written
 * plan reads back to an equal plan. Reading is strict like the instance reader (unknown
 * fields, wrong types, bad units are all reported at once with their JSON paths).
 *
 * <p>Serving entries may use shorthands that the reader expands with the instance's layer
 * counts: {@code {"mode": "edge", "site": "bs-1"}}, {@code {"mode": "split", "site":
 * "bs-1", "splitLayer": 8}}, {@code {"mode": "device"}}, {@code {"mode": "cloud"}}.
 * Ids are not resolved here; the evaluator reports ids the instance lacks.
 */
public final class PlanJson {

    /** The plan format version. */
    public static final String FORMAT = "1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ROOT_FIELDS = Set.of("$schema", "meiplanPlan", "instance", "caching", "serving",
            "radio", "training", "solves", "evaluation", "summary", "report");
    private static final Set<String> CACHE_FIELDS = Set.of("site", "variants");
    private static final Set<String> SERVING_FIELDS = Set.of("request", "mode", "variant", "stages", "site",
            "splitLayer");
    private static final Set<String> STAGE_FIELDS = Set.of("node", "layers");
    private static final Set<String> RADIO_FIELDS = Set.of("user", "uplinkBandwidth", "uplinkPower",
            "downlinkBandwidth", "downlinkPower");
    private static final Set<String> RUN_FIELDS = Set.of("job", "site", "start", "end", "splitLayer");
    private static final Set<String> SOLVE_FIELDS = Set.of("stage", "status", "objective", "bound", "gap", "solver",
            "solverVersion", "buildSeconds", "solveSeconds", "decodeSeconds", "nodes", "message");

    private PlanJson() {
    }

    // ------------------------------------------------------------------ writing

    /** The plan as a JSON tree. */
    public static ObjectNode toJson(Plan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("meiplanPlan", FORMAT);
        root.put("instance", plan.instance());
        ArrayNode caching = root.putArray("caching");
        for (SiteCache cache : plan.caching()) {
            ObjectNode node = caching.addObject().put("site", cache.site());
            ArrayNode variants = node.putArray("variants");
            cache.variants().forEach(variants::add);
        }
        ArrayNode serving = root.putArray("serving");
        for (Serving s : plan.serving()) {
            serving.add(toJson(s));
        }
        ArrayNode radio = root.putArray("radio");
        for (RadioGrant grant : plan.radio()) {
            radio.add(toJson(grant));
        }
        ArrayNode training = root.putArray("training");
        for (TrainingRun run : plan.training()) {
            training.add(toJson(run));
        }
        ArrayNode solves = root.putArray("solves");
        for (StageSolve solve : plan.solves()) {
            ObjectNode node = solves.addObject().put("stage", solve.stage()).put("status", solve.status());
            number(node, "objective", solve.objective());
            number(node, "bound", solve.bound());
            number(node, "gap", solve.gap());
            node.put("solver", solve.solver()).put("solverVersion", solve.solverVersion());
            number(node, "buildSeconds", solve.buildSeconds());
            number(node, "solveSeconds", solve.solveSeconds());
            number(node, "decodeSeconds", solve.decodeSeconds());
            if (solve.nodes() >= 0) {
                node.put("nodes", solve.nodes()); // unknown (-1) is left out, and read back as unknown
            }
            if (!solve.message().isEmpty()) {
                node.put("message", solve.message());
            }
        }
        return root;
    }

    /** One serving decision as a plan writes it (mode by its JSON name, stages with their layer ranges). */
    public static ObjectNode toJson(Serving s) {
        ObjectNode node = NODES.objectNode().put("request", s.request()).put("mode", s.mode().jsonName());
        if (s.variant() != null) {
            node.put("variant", s.variant());
        }
        ArrayNode stages = node.putArray("stages");
        for (Stage stage : s.stages()) {
            ObjectNode st = stages.addObject().put("node", stage.node());
            st.putArray("layers").add(stage.firstLayer()).add(stage.lastLayer());
        }
        return node;
    }

    /** One radio grant as a plan writes it. */
    public static ObjectNode toJson(RadioGrant grant) {
        return NODES.objectNode().put("user", grant.user()).put("uplinkBandwidth", grant.uplinkBandwidth())
                .put("uplinkPower", grant.uplinkPower()).put("downlinkBandwidth", grant.downlinkBandwidth())
                .put("downlinkPower", grant.downlinkPower());
    }

    /** One training run as a plan writes it. */
    public static ObjectNode toJson(TrainingRun run) {
        return NODES.objectNode().put("job", run.job()).put("site", run.site()).put("start", run.start())
                .put("end", run.end()).put("splitLayer", run.splitLayer());
    }

    /** JSON has no NaN or infinity: NaN is written as null, infinities as the strings "inf" and "-inf". */
    public static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else if (Double.isInfinite(value)) {
            node.put(field, value > 0 ? "inf" : "-inf");
        } else {
            node.put(field, value);
        }
    }

    /** The plan as pretty JSON text. */
    public static String toString(Plan plan) {
        return InstanceWriter.JsonText.pretty(toJson(plan));
    }

    /** Writes the plan atomically. */
    public static void write(Plan plan, Path file) throws IOException {
        InstanceWriter.JsonText.writeAtomically(toString(plan), file);
    }

    // ------------------------------------------------------------------ reading

    /** Reads a plan file; {@code instance} (may be null) expands serving shorthands. */
    public static Plan read(Path file, Instance instance) throws IOException {
        return read(json().read(file), instance, file.toString());
    }

    /** Reads a plan from JSON text. */
    public static Plan read(String json, Instance instance) {
        return read(json().read(json, "The plan"), instance, "The plan");
    }

    private static BoundedJson json() {
        return new BoundedJson(InstanceReader.strictMapper(Limits.DEFAULT), Limits.DEFAULT, InvalidPlanException::new);
    }

    /**
     * Reads a plan from a JSON tree; every problem is an {@link InvalidPlanException} naming its
     * JSON path, nothing else is thrown for bad input.
     */
    public static Plan read(JsonNode root, Instance instance, String what) {
        JsonCheck check = new JsonCheck(false);
        try {
            return read(check, root, instance, what);
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (e instanceof InvalidInstanceException invalid) {
                throw invalid;
            }
            // A check the reader does not make yet: still a violation, never a bare exception.
            check.add("", null, "could not be read: " + e.getMessage(), "Fix the value named above.");
            throw new InvalidPlanException(what, check.violations());
        }
    }

    private static Plan read(JsonCheck check, JsonNode root, Instance instance, String what) {
        if (root == null || !root.isObject()) {
            throw new InvalidPlanException(what, List.of(new Violation("", JsonCheck.show(root),
                    "must be a JSON object", "A plan starts with { \"meiplanPlan\": \"1\", ... }.")));
        }
        check.onlyFields((ObjectNode) root, "", ROOT_FIELDS);
        String format = check.string(root, "meiplanPlan", "", FORMAT, false);
        if (!FORMAT.equals(format)) {
            check.add("/meiplanPlan", "\"" + format + "\"", "is not a plan format this reader knows",
                    "Write \"meiplanPlan\": \"" + FORMAT + "\".");
        }
        String name = check.string(root, "instance", "", instance == null ? "" : instance.name(), false);

        List<SiteCache> caching = new ArrayList<>();
        ArrayNode list = check.array(root, "caching", "", false, Integer.MAX_VALUE);
        for (int i = 0; list != null && i < list.size(); i++) {
            String path = "/caching/" + i;
            JsonNode node = list.get(i);
            if (!check.entry(node, path, CACHE_FIELDS)) {
                continue;
            }
            String site = check.string(node, "site", path, null, true);
            List<String> variants = strings(check, node, "variants", path);
            if (site != null) {
                caching.add(new SiteCache(site, variants));
            }
        }

        List<Serving> serving = new ArrayList<>();
        list = check.array(root, "serving", "", false, Integer.MAX_VALUE);
        for (int i = 0; list != null && i < list.size(); i++) {
            Serving s = serving(check, list.get(i), "/serving/" + i, instance);
            if (s != null) {
                serving.add(s);
            }
        }

        List<RadioGrant> radio = new ArrayList<>();
        list = check.array(root, "radio", "", false, Integer.MAX_VALUE);
        for (int i = 0; list != null && i < list.size(); i++) {
            String path = "/radio/" + i;
            JsonNode node = list.get(i);
            if (!check.entry(node, path, RADIO_FIELDS)) {
                continue;
            }
            String user = check.string(node, "user", path, null, true);
            double ub = check.quantity(node, "uplinkBandwidth", path, Dimension.FREQUENCY, Range.NON_NEGATIVE, 0, false);
            double up = check.quantity(node, "uplinkPower", path, Dimension.POWER, Range.NON_NEGATIVE, 0, false);
            double db = check.quantity(node, "downlinkBandwidth", path, Dimension.FREQUENCY, Range.NON_NEGATIVE, 0, false);
            double dp = check.quantity(node, "downlinkPower", path, Dimension.POWER, Range.NON_NEGATIVE, 0, false);
            if (user != null) {
                radio.add(new RadioGrant(user, ub, up, db, dp));
            }
        }

        List<TrainingRun> training = new ArrayList<>();
        list = check.array(root, "training", "", false, Integer.MAX_VALUE);
        for (int i = 0; list != null && i < list.size(); i++) {
            String path = "/training/" + i;
            JsonNode node = list.get(i);
            if (!check.entry(node, path, RUN_FIELDS)) {
                continue;
            }
            String job = check.string(node, "job", path, null, true);
            String site = check.string(node, "site", path, null, true);
            double start = check.quantity(node, "start", path, Dimension.TIME, Range.NON_NEGATIVE, 0, true);
            double end = check.quantity(node, "end", path, Dimension.TIME, Range.NON_NEGATIVE, 0, true);
            int split = (int) check.integer(node, "splitLayer", path, 0, false, 0, 100_000);
            if (job != null && site != null) {
                training.add(new TrainingRun(job, site, start, end, split));
            }
        }

        List<StageSolve> solves = new ArrayList<>();
        list = check.array(root, "solves", "", false, 1_000);
        for (int i = 0; list != null && i < list.size(); i++) {
            String path = "/solves/" + i;
            JsonNode node = list.get(i);
            if (!check.entry(node, path, SOLVE_FIELDS)) {
                continue;
            }
            String stage = check.string(node, "stage", path, null, true);
            String status = check.string(node, "status", path, null, true);
            double objective = readNumber(check, node, "objective", path);
            double bound = readNumber(check, node, "bound", path);
            double gap = readNumber(check, node, "gap", path);
            String solver = check.string(node, "solver", path, "", false);
            String version = check.string(node, "solverVersion", path, "", false);
            double build = readNumber(check, node, "buildSeconds", path);
            double solve = readNumber(check, node, "solveSeconds", path);
            double decode = readNumber(check, node, "decodeSeconds", path);
            long nodes = check.integer(node, "nodes", path, -1, false, 0, Long.MAX_VALUE);
            String message = check.string(node, "message", path, "", false);
            if (stage != null && status != null) {
                solves.add(new StageSolve(stage, status, objective, bound, gap, solver, version, build, solve, decode,
                        nodes, message));
            }
        }
        if (!check.ok()) {
            throw new InvalidPlanException(what, check.violations());
        }
        return new Plan(name, caching, serving, radio, training, solves);
    }

    private static double readNumber(JsonCheck check, JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (value.isTextual() && (value.textValue().equals("inf") || value.textValue().equals("-inf"))) {
            return value.textValue().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!value.isNumber()) {
            check.add(JsonCheck.child(path, field), JsonCheck.show(value), "must be a number, null, \"inf\" or \"-inf\"",
                    null);
            return Double.NaN;
        }
        return value.doubleValue();
    }

    private static List<String> strings(JsonCheck check, JsonNode node, String field, String path) {
        List<String> out = new ArrayList<>();
        ArrayNode list = check.array(node, field, path, true, Integer.MAX_VALUE);
        for (int i = 0; list != null && i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                check.add(path + "/" + field + "/" + i, JsonCheck.show(list.get(i)), "must be a string id", null);
            } else {
                out.add(list.get(i).textValue());
            }
        }
        return out;
    }

    private static Serving serving(JsonCheck check, JsonNode node, String path, Instance instance) {
        if (!check.entry(node, path, SERVING_FIELDS)) {
            return null;
        }
        String request = check.string(node, "request", path, null, true);
        List<String> modes = java.util.Arrays.stream(Mode.values()).map(Mode::jsonName).toList();
        String modeName = check.choice(node, "mode", path, modes, null, true);
        String variant = check.string(node, "variant", path, null, false);
        if (request == null || modeName == null) {
            return null;
        }
        Mode mode = Mode.valueOf(modeName.toUpperCase(Locale.ROOT));
        List<Stage> stages = new ArrayList<>();
        ArrayNode list = check.array(node, "stages", path, false, 10_000);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String at = path + "/stages/" + i;
                JsonNode st = list.get(i);
                if (!check.entry(st, at, STAGE_FIELDS)) {
                    continue;
                }
                String stageNode = check.string(st, "node", at, null, true);
                JsonNode layers = st.get("layers");
                if (layers == null || !layers.isArray() || layers.size() != 2 || !layers.get(0).canConvertToInt()
                        || !layers.get(1).canConvertToInt() || layers.get(0).intValue() < 0
                        || layers.get(1).intValue() < layers.get(0).intValue()) {
                    check.add(at + "/layers", JsonCheck.show(layers), "must be [first, last) with 0 <= first <= last",
                            "Write \"layers\": [0, 16] for layers 0 to 15.");
                    continue;
                }
                if (stageNode != null) {
                    stages.add(new Stage(stageNode, layers.get(0).intValue(), layers.get(1).intValue()));
                }
            }
            if (node.has("site") || node.has("splitLayer")) {
                check.add(path, null, "gives both \"stages\" and the shorthand \"site\"/\"splitLayer\"",
                        "Use one or the other.");
            }
        } else if (mode != Mode.REJECT) {
            stages = shorthand(check, node, path, mode, request, variant, instance);
            if (stages == null) {
                return null;
            }
        }
        return new Serving(request, mode, variant, stages);
    }

    private static List<Stage> shorthand(JsonCheck check, JsonNode node, String path, Mode mode, String request,
            String variant, Instance instance) {
        if (instance == null) {
            check.add(path + "/stages", null, "is missing", "Spell out the stages, or read the plan with its instance.");
            return null;
        }
        int r = instance.requestIndex(request);
        if (r < 0) {
            check.add(path + "/request", "\"" + request + "\"", "is not a request class of the instance",
                    "Fix the id, or spell out the stages.");
            return null;
        }
        var req = instance.requests().get(r);
        int v = variant == null ? req.variant() : instance.variantIndex(variant);
        if (v < 0) {
            check.add(path + "/variant", "\"" + variant + "\"", "is not a variant of the instance", null);
            return null;
        }
        int layers = instance.catalog().architectureOf(instance.variants().get(v)).layers();
        String user = instance.users().get(req.user()).id();
        String site = check.string(node, "site", path, null, mode == Mode.EDGE || mode == Mode.SPLIT);
        switch (mode) {
            case DEVICE:
                return List.of(new Stage(user, 0, layers));
            case CLOUD:
                return List.of(new Stage(Stage.CLOUD, 0, layers));
            case EDGE:
                return site == null ? null : List.of(new Stage(site, 0, layers));
            case SPLIT:
                int split = (int) check.integer(node, "splitLayer", path, -1, true, 1, layers - 1);
                return site == null || split < 0 ? null
                        : List.of(new Stage(user, 0, split), new Stage(site, split, layers));
            default:
                check.add(path + "/stages", null, "is missing", "A pipeline needs its stages spelled out.");
                return null;
        }
    }
}
