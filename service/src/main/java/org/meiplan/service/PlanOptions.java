package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.meiplan.models.io.Violation;
import org.meiplan.models.units.Dimension;
import org.meiplan.models.units.Units;
import org.meiplan.solvers.plan.Planner;
import org.meiplan.solvers.plan.PlannerListener;
import org.meiplan.solvers.plan.Stage;
import org.meiplan.solvers.plan.Stages;

/**
 * The options of one planning job, the same as {@code meiplan solve}'s: time limit, stages,
 * objective weights, seed, gap, threads, solver and algorithm (one for every stage, or one per
 * stage). Read from the {@code options} object of a request, every problem reported at once.
 *
 * @param stages the stages to run, or empty for every stage
 * @param solvers backend per stage; stages not named use {@code auto}
 * @param algorithms algorithm per stage; stages not named use {@code auto} (replans then use their quick warm algorithms)
 */
record PlanOptions(double timeLimitSeconds, List<String> stages, double inferenceWeight, double trainingWeight,
        int seed, double gap, int threads, Map<String, String> solvers, Map<String, String> algorithms) {

    static final Set<String> FIELDS = new LinkedHashSet<>(List.of("timeLimit", "stages", "objective", "seed", "gap",
            "threads", "solver", "algorithm"));

    PlanOptions {
        stages = List.copyOf(stages);
        solvers = Map.copyOf(solvers);
        algorithms = Map.copyOf(algorithms);
    }

    /** The stage names this job runs, in order. */
    List<String> stageNames() {
        return stages.isEmpty() ? Stages.names() : stages;
    }

    /**
     * The planner for these options, built as {@code meiplan solve} builds it. The last stage is
     * wrapped so that every complete plan a pass produces is handed to {@code onPlan} (the plan
     * passes through unchanged).
     */
    Planner planner(PlannerListener listener, java.util.function.Consumer<org.meiplan.models.plan.Plan> onPlan) {
        List<String> names = stageNames();
        List<Stage> objects = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Stage stage = Stages.byName(names.get(i));
            objects.add(i == names.size() - 1 ? new Observed(stage, onPlan) : stage);
        }
        Planner.Builder builder = Planner.builder().timeLimitSeconds(timeLimitSeconds).relativeGap(gap).threads(threads)
                .seed(seed).weights(inferenceWeight, trainingWeight).listener(listener).stageObjects(objects);
        for (String name : names) {
            String solver = solvers.getOrDefault(name, "auto");
            String algorithm = algorithms.getOrDefault(name, "auto");
            if (!solver.equals("auto")) {
                builder.solver(name, solver);
            }
            if (!algorithm.equals("auto")) {
                builder.algorithm(name, algorithm);
            }
        }
        return builder.build();
    }

    /** A stage that reports each plan it returns. */
    private record Observed(Stage stage, java.util.function.Consumer<org.meiplan.models.plan.Plan> onPlan)
            implements Stage {
        @Override
        public String name() {
            return stage.name();
        }

        @Override
        public String description() {
            return stage.description();
        }

        @Override
        public void check(org.meiplan.solvers.plan.StageOptions options) {
            stage.check(options);
        }

        @Override
        public org.meiplan.models.plan.Plan solve(org.meiplan.models.instance.Instance instance,
                org.meiplan.models.plan.Plan sofar, org.meiplan.solvers.plan.StageOptions options) {
            org.meiplan.models.plan.Plan plan = stage.solve(instance, sofar, options);
            onPlan.accept(plan);
            return plan;
        }
    }

    /** The options as JSON, in the request's own vocabulary (what GET shows and the store keeps). */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("timeLimit", timeLimitSeconds);
        node.set("stages", Json.MAPPER.valueToTree(stageNames()));
        node.putObject("objective").put("inference", inferenceWeight).put("training", trainingWeight);
        node.put("seed", seed).put("gap", gap).put("threads", threads);
        node.set("solver", Json.MAPPER.valueToTree(new java.util.TreeMap<>(solvers)));
        node.set("algorithm", Json.MAPPER.valueToTree(new java.util.TreeMap<>(algorithms)));
        return node;
    }

    /**
     * Reads options; {@code node} may be null (all defaults). Problems are added to {@code problems}
     * with paths under {@code base} (such as {@code /options}).
     */
    static PlanOptions read(JsonNode node, String base, ServiceConfig config, List<Violation> problems) {
        double timeLimit = config.defaultTimeLimitSeconds();
        List<String> stages = List.of();
        double inference = 1.0;
        double training = 1.0;
        int seed = 0;
        double gap = 1e-4;
        int threads = 1;
        Map<String, String> solvers = new LinkedHashMap<>();
        Map<String, String> algorithms = new LinkedHashMap<>();
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                problems.add(new Violation(base, show(node), "must be a JSON object",
                        "Write options as {\"timeLimit\": 10, \"seed\": 1, ...}."));
                return null;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String field = it.next();
                if (!FIELDS.contains(field)) {
                    problems.add(new Violation(base + "/" + field, null, "is not an option",
                            "Options are " + String.join(", ", FIELDS) + "."));
                }
            }
            if (node.has("timeLimit")) {
                timeLimit = timeLimit(node.get("timeLimit"), base + "/timeLimit", config, problems);
            }
            if (node.has("stages")) {
                stages = stages(node.get("stages"), base + "/stages", problems);
            }
            if (node.has("objective")) {
                double[] w = weights(node.get("objective"), base + "/objective", problems);
                inference = w[0];
                training = w[1];
            }
            if (node.has("seed")) {
                JsonNode s = node.get("seed");
                if (s.isIntegralNumber() && s.canConvertToInt()) {
                    seed = s.intValue();
                } else {
                    problems.add(new Violation(base + "/seed", show(s), "must be a whole number (32 bits)", "Write e.g. \"seed\": 1."));
                }
            }
            if (node.has("gap")) {
                JsonNode g = node.get("gap");
                if (g.isNumber() && g.doubleValue() >= 0.0 && Double.isFinite(g.doubleValue())) {
                    gap = g.doubleValue();
                } else {
                    problems.add(new Violation(base + "/gap", show(g), "must be a number >= 0", "Write e.g. \"gap\": 0.0001."));
                }
            }
            if (node.has("threads")) {
                JsonNode t = node.get("threads");
                int most = Runtime.getRuntime().availableProcessors();
                if (t.isIntegralNumber() && t.canConvertToInt() && t.intValue() >= 1 && t.intValue() <= most) {
                    threads = t.intValue();
                } else {
                    problems.add(new Violation(base + "/threads", show(t), "must be a whole number from 1 to " + most,
                            "This server has " + most + " processors."));
                }
            }
            List<String> names = stages.isEmpty() ? Stages.names() : stages;
            if (node.has("solver")) {
                perStage(node.get("solver"), base + "/solver", names, solvers, problems);
            }
            if (node.has("algorithm")) {
                perStage(node.get("algorithm"), base + "/algorithm", names, algorithms, problems);
            }
        }
        PlanOptions options = new PlanOptions(timeLimit, stages, inference, training, seed, gap, threads, solvers,
                algorithms);
        if (problems.isEmpty()) {
            try {
                options.planner(PlannerListener.NONE, plan -> { }); // the stages check their options here
            } catch (IllegalArgumentException e) {
                problems.add(new Violation(base, null, e.getMessage(), "Use an algorithm and solver the stage offers"
                        + " (docs/caching.md, serving.md, training.md), or \"auto\"."));
            }
        }
        return options;
    }

    private static double timeLimit(JsonNode value, String path, ServiceConfig config, List<Violation> problems) {
        double seconds;
        if (value.isNumber()) {
            seconds = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                seconds = Units.parse(value.textValue(), Dimension.TIME);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation(path, show(value), "is not a duration", "Write seconds, e.g. 10 or \"10 s\"."));
                return config.defaultTimeLimitSeconds();
            }
        } else {
            problems.add(new Violation(path, show(value), "must be a number of seconds or a duration",
                    "Write e.g. \"timeLimit\": 10 or \"timeLimit\": \"500 ms\"."));
            return config.defaultTimeLimitSeconds();
        }
        if (!(seconds > 0.0) || Double.isInfinite(seconds)) {
            problems.add(new Violation(path, show(value), "must be positive", "Write e.g. \"timeLimit\": 10."));
            return config.defaultTimeLimitSeconds();
        }
        if (seconds > config.maxTimeLimitSeconds()) {
            problems.add(new Violation(path, show(value), "is longer than this server allows ("
                    + new java.math.BigDecimal(config.maxTimeLimitSeconds()).stripTrailingZeros().toPlainString() + " s)",
                    "Ask for at most that, or start the server with a larger --max-time-limit."));
            return config.maxTimeLimitSeconds();
        }
        return seconds;
    }

    private static List<String> stages(JsonNode value, String path, List<Violation> problems) {
        if (!value.isArray() || value.isEmpty()) {
            problems.add(new Violation(path, show(value), "must be a non-empty array of stage names",
                    "Stages: " + String.join(", ", Stages.names()) + "."));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || !Stages.names().contains(item.textValue())) {
                problems.add(new Violation(path + "/" + i, show(item), "is not a planning stage",
                        "Stages: " + String.join(", ", Stages.names()) + "."));
            } else if (names.contains(item.textValue())) {
                problems.add(new Violation(path + "/" + i, show(item), "is listed twice", "Name each stage once."));
            } else {
                names.add(item.textValue());
            }
        }
        return names;
    }

    private static double[] weights(JsonNode value, String path, List<Violation> problems) {
        double[] w = {1.0, 1.0};
        if (!value.isObject()) {
            problems.add(new Violation(path, show(value), "must be an object of weights",
                    "Write e.g. \"objective\": {\"inference\": 1, \"training\": 0.5}."));
            return w;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int index = e.getKey().equals("inference") ? 0 : e.getKey().equals("training") ? 1 : -1;
            JsonNode v = e.getValue();
            if (index < 0) {
                problems.add(new Violation(path + "/" + e.getKey(), null, "is not a part of the objective",
                        "The parts are inference and training."));
            } else if (!v.isNumber() || !(v.doubleValue() >= 0.0) || Double.isInfinite(v.doubleValue())) {
                problems.add(new Violation(path + "/" + e.getKey(), show(v), "must be a number >= 0", "Write e.g. 1."));
            } else {
                w[index] = v.doubleValue();
            }
        }
        return w;
    }

    private static void perStage(JsonNode value, String path, List<String> names, Map<String, String> into,
            List<Violation> problems) {
        if (value.isTextual()) {
            for (String name : names) {
                into.put(name, value.textValue().toLowerCase(Locale.ROOT));
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!names.contains(e.getKey())) {
                    problems.add(new Violation(path + "/" + e.getKey(), null, "is not a stage of this job",
                            "Stages: " + String.join(", ", names) + "."));
                } else if (!e.getValue().isTextual()) {
                    problems.add(new Violation(path + "/" + e.getKey(), show(e.getValue()), "must be a string", "Write e.g. \"auto\"."));
                } else {
                    into.put(e.getKey(), e.getValue().textValue().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            problems.add(new Violation(path, show(value), "must be a string (every stage) or an object by stage",
                    "Write e.g. \"auto\" or {\"caching\": \"greedy\"}."));
        }
    }

    static String show(JsonNode node) {
        if (node == null) {
            return null;
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
