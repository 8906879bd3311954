package org.meiplan.solvers.study;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.meiplan.models.eval.Summary;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.plan.PlanReport;
import org.meiplan.solvers.plan.Planner;
import org.meiplan.solvers.plan.Stage;
import org.meiplan.solvers.plan.StageOptions;
import org.meiplan.solvers.plan.Stages;

/**
 * Runs a {@link StudySpec}: every grid point with every seed, one planner run each, one tidy
 * CSV row per run (parameters, the instance's size, per-stage status, objective, bound, gap
 * and time, the joint objective and the evaluator's key metrics). Where the runs execute is
 * the {@link StudyEngine}'s business (a local thread pool by default, Spark from the
 * {@code meiplan-spark} module); the rows are the same either way. Rows are appended as runs
 * finish, so an interrupted study resumes where it stopped when rerun on the same CSV; at the
 * end the CSV is rewritten in the canonical run order.
 *
 * <p>The constructor checks the whole spec against the stages, their algorithms, the solvers
 * and the instance factory, so a mistake is an {@link IllegalArgumentException} naming its
 * JSON path before any run starts or any file is written.
 */
public final class StudyRunner implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Columns describing each run's instance, after the grid keys. */
    static final List<String> INSTANCE_COLUMNS = List.of("siteCount", "userCount", "requestClasses", "storagePerSite",
            "gpusPerSite", "demand");

    /** Metric columns after the parameters and stage columns. */
    static final List<String> METRICS = List.of("feasible", "violations", "joint", "sloMetFraction", "hitRatio",
            "meanLatency", "maxLatency", "devicePower", "jobsOnTime", "jobs", "seconds", "error");

    private final StudySpec spec;
    private final InstanceFactory factory;

    public StudyRunner(StudySpec spec, InstanceFactory factory) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.factory = Objects.requireNonNull(factory, "factory");
        for (String key : spec.grid().keySet()) {
            if (!StudySpec.isPlannerKey(key) && !factory.parameters().contains(key)) {
                Set<String> known = new TreeSet<>(StudySpec.PLANNER_KEYS);
                known.addAll(factory.parameters());
                throw new IllegalArgumentException("/grid/" + key + ": \"" + key + "\" is neither a planner option ("
                        + String.join(", ", new TreeSet<>(StudySpec.PLANNER_KEYS))
                        + ", algorithm.<stage>, solver.<stage>) nor an instance parameter ("
                        + String.join(", ", factory.parameters()) + ")" + StudySpec.suggestion(key, known));
            }
        }
        for (int i = 0; i < spec.stages().size(); i++) {
            try {
                Stages.byName(spec.stages().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("/stages/" + i + ": " + e.getMessage(), e);
            }
        }
        List<String> union = stageUnion();
        spec.grid().forEach((key, values) -> {
            for (int i = 0; i < values.size(); i++) {
                String path = "/grid/" + key + (spec.grid().get(key).size() > 1 ? "/" + i : "");
                try {
                    checkValue(key, values.get(i), union);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
                }
            }
        });
        for (String stageName : union) {
            List<String> algorithms = spec.grid().getOrDefault("algorithm." + stageName, List.of("auto"));
            List<String> solvers = spec.grid().getOrDefault("solver." + stageName, List.of("auto"));
            for (String algorithm : algorithms) {
                for (int i = 0; i < solvers.size(); i++) {
                    try {
                        Stages.byName(stageName).check(StageOptions.DEFAULTS.withAlgorithm(algorithm.toLowerCase(Locale.ROOT))
                                .withSolver(solvers.get(i).toLowerCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("/grid/solver." + stageName + (solvers.size() > 1 ? "/" + i : "")
                                + ": with algorithm." + stageName + " = " + algorithm + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        Map<String, String> first = new LinkedHashMap<>();
        spec.grid().forEach((key, values) -> {
            if (!StudySpec.isPlannerKey(key)) {
                first.put(key, values.get(0));
            }
        });
        try {
            factory.checkPoint(first);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/grid: " + e.getMessage(), e);
        }
        List<String> columns = columns();
        for (int i = 0; i < spec.plots().size(); i++) {
            StudySpec.PlotSpec plot = spec.plots().get(i);
            for (String[] field : new String[][] {{"x", plot.x()}, {"y", plot.y()}, {"series", plot.series()}}) {
                if (field[1] != null && !columns.contains(field[1])) {
                    throw new IllegalArgumentException("/plots/" + i + "/" + field[0] + ": \"" + field[1]
                            + "\" is not a column of this study" + StudySpec.suggestion(field[1],
                                    new TreeSet<>(columns)) + " Columns: " + String.join(", ", columns) + ".");
                }
            }
        }
    }

    private void checkValue(String key, String value, List<String> union) {
        switch (key) {
            case "stages" -> {
                for (String stage : value.split("\\+")) {
                    Stages.byName(stage.trim());
                }
            }
            case "timeLimit" -> {
                double seconds = parse(value, "timeLimit", "a number of seconds such as 10");
                if (!(seconds > 0) || seconds > StudySpec.MAX_TIME_LIMIT) {
                    throw new IllegalArgumentException("\"" + value + "\" must be above 0 and at most "
                            + (long) StudySpec.MAX_TIME_LIMIT + " s.");
                }
            }
            case "gap" -> {
                if (!(parse(value, "gap", "a relative gap such as 0.01") >= 0)) {
                    throw new IllegalArgumentException("\"" + value + "\" must be at least 0, such as 0.01.");
                }
            }
            case "weights" -> {
                String[] parts = value.split("[,+]");
                if (parts.length != 2 || !(parse(parts[0], "weights", "two weights") >= 0)
                        || !(parse(parts[1], "weights", "two weights") >= 0)) {
                    throw new IllegalArgumentException("\"" + value + "\" must be two weights (inference, training)"
                            + " of at least 0, such as [1, 0.5].");
                }
            }
            default -> {
                if (key.startsWith("algorithm.") || key.startsWith("solver.")) {
                    String stageName = key.substring(key.indexOf('.') + 1);
                    Stage stage = Stages.byName(stageName);
                    if (!union.contains(stageName)) {
                        throw new IllegalArgumentException("the " + stageName + " stage does not run in this study"
                                + " (stages: " + String.join(", ", union) + "); add it to \"stages\" or remove the key.");
                    }
                    String name = value.toLowerCase(Locale.ROOT);
                    if (key.startsWith("algorithm.")) {
                        stage.check(StageOptions.DEFAULTS.withAlgorithm(name));
                    } else {
                        stage.check(StageOptions.DEFAULTS.withSolver(name));
                    }
                } else {
                    factory.check(key, value);
                }
            }
        }
    }

    private static double parse(String value, String key, String example) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a number; give " + example + ".");
        }
    }

    /** The spec this runner runs. */
    public StudySpec spec() {
        return spec;
    }

    /** The stages any run uses, in first-use order. */
    List<String> stageUnion() {
        Set<String> stages = new LinkedHashSet<>(spec.stages().isEmpty() ? Stages.names() : spec.stages());
        List<String> values = spec.grid().get("stages");
        if (values != null) {
            for (String value : values) {
                for (String stage : value.split("\\+")) {
                    stages.add(stage.trim());
                }
            }
        }
        return List.copyOf(stages);
    }

    /** The CSV header: run id, seed, grid keys, the instance's size, then per-stage columns, then metrics. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("run", "seed"));
        columns.addAll(spec.grid().keySet());
        for (String column : INSTANCE_COLUMNS) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        for (String stage : stageUnion()) {
            for (String field : List.of("status", "objective", "bound", "gap", "seconds", "solver")) {
                columns.add(stage + "." + field);
            }
        }
        columns.addAll(METRICS);
        return columns;
    }

    /** A readable, stable run id: the grid point and the seed. */
    static String runId(Map<String, String> point, long seed) {
        StringBuilder id = new StringBuilder();
        point.forEach((k, v) -> id.append(k).append('=').append(v).append(';'));
        return id.append("seed=").append(seed).toString();
    }

    /** Every run of the study in the canonical order: grid points in the spec's order, then seeds. */
    public List<StudyTask> tasks() {
        List<StudyTask> tasks = new ArrayList<>();
        int index = 0;
        for (Map<String, String> point : spec.points()) {
            for (long seed : spec.seeds()) {
                tasks.add(new StudyTask(index++, runId(point, seed), point, seed));
            }
        }
        return tasks;
    }

    /** Runs the study into {@code csv} on the local engine, resuming rows already there. */
    public StudyResult run(Path csv, StudyListener listener) throws IOException {
        try (StudyEngine engine = new LocalStudyEngine(spec.parallel())) {
            return run(csv, listener, engine);
        }
    }

    /**
     * Runs the study into {@code csv} on {@code engine}, resuming rows already there: a run whose
     * row is in the CSV is skipped, a row cut short by an interruption is run again.
     */
    public StudyResult run(Path csv, StudyListener listener, StudyEngine engine) throws IOException {
        long begin = System.nanoTime();
        List<String> columns = columns();
        Map<String, Map<String, String>> done = readExisting(csv, columns);
        List<StudyTask> all = tasks();
        Map<String, Integer> order = new HashMap<>();
        List<StudyTask> pending = new ArrayList<>();
        for (StudyTask task : all) {
            order.put(task.id(), task.index());
            if (!done.containsKey(task.id())) {
                pending.add(task);
            }
        }
        done.keySet().retainAll(order.keySet());
        int total = all.size();
        AtomicInteger finished = new AtomicInteger(done.size());
        AtomicInteger failed = new AtomicInteger();
        Map<String, Map<String, String>> rows = new java.util.concurrent.ConcurrentHashMap<>(done);
        if (!pending.isEmpty()) {
            if (done.isEmpty()) {
                Files.writeString(csv, Csv.line(columns), StandardCharsets.UTF_8);
            }
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                engine.execute(this, pending, row -> {
                    if (!row.getOrDefault("error", "").isEmpty()) {
                        failed.incrementAndGet();
                    }
                    rows.put(row.get("run"), row);
                    writer.write(Csv.line(columns.stream().map(row::get).toList()));
                    writer.flush();
                    listener.runFinished(finished.incrementAndGet(), total, (System.nanoTime() - begin) / 1e9);
                });
            }
        }
        List<Map<String, String>> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt(row -> order.getOrDefault(row.get("run"), Integer.MAX_VALUE)));
        StringBuilder text = new StringBuilder(Csv.line(columns));
        for (Map<String, String> row : sorted) {
            text.append(Csv.line(columns.stream().map(row::get).toList()));
        }
        org.meiplan.models.io.InstanceWriter.JsonText.writeAtomically(text.toString(), csv);
        return new StudyResult(columns, sorted, pending.size(), done.size(), failed.get(),
                (System.nanoTime() - begin) / 1e9);
    }

    /**
     * Checks that {@code csv} can take this study's rows (absent, empty, or a partial CSV of the
     * same study) without writing anything; another study's CSV is an {@link IllegalArgumentException}.
     */
    public void checkOutput(Path csv) throws IOException {
        readExisting(csv, columns());
    }

    private Map<String, Map<String, String>> readExisting(Path csv, List<String> columns) throws IOException {
        Map<String, Map<String, String>> done = new LinkedHashMap<>();
        if (Files.isDirectory(csv)) {
            throw new IllegalArgumentException(csv + " is a folder; give a CSV file name with -o.");
        }
        if (!Files.exists(csv) || Files.size(csv) == 0) {
            return done;
        }
        List<List<String>> lines = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (lines.isEmpty()) {
            return done;
        }
        if (!lines.get(0).equals(columns)) {
            throw new IllegalArgumentException(csv + " holds results of another study (its columns differ); write to"
                    + " another file or delete it to start over.");
        }
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (line.size() != columns.size()) {
                continue; // a row cut short by an interruption: run it again
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), line.get(c));
            }
            done.put(row.get("run"), row);
        }
        return done;
    }

    /** Runs one task: the planner on its instance; a failure is the row's {@code error}, never an exception. */
    public Map<String, String> runOne(StudyTask task) {
        return runOne(task.id(), task.point(), task.seed());
    }

    Map<String, String> runOne(String id, Map<String, String> point, long seed) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : columns()) {
            row.put(column, "");
        }
        row.put("run", id);
        row.put("seed", Long.toString(seed));
        row.putAll(point);
        long begin = System.nanoTime();
        try {
            Map<String, String> scenario = new LinkedHashMap<>();
            Planner.Builder planner = Planner.builder().timeLimitSeconds(spec.timeLimitSeconds())
                    .threads(spec.threadsPerRun()).seed((int) seed);
            List<String> stages = spec.stages().isEmpty() ? Stages.names() : spec.stages();
            for (Map.Entry<String, String> entry : point.entrySet()) {
                String key = entry.getKey();
                String value = entry.getValue();
                if (key.equals("stages")) {
                    stages = List.of(value.split("\\+"));
                } else if (key.equals("timeLimit")) {
                    planner.timeLimitSeconds(Double.parseDouble(value));
                } else if (key.equals("gap")) {
                    planner.relativeGap(Double.parseDouble(value));
                } else if (key.equals("weights")) {
                    String[] parts = value.split("[,+]");
                    planner.weights(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
                } else if (key.startsWith("algorithm.")) {
                    planner.algorithm(key.substring("algorithm.".length()), value);
                } else if (key.startsWith("solver.")) {
                    planner.solver(key.substring("solver.".length()), value);
                } else {
                    scenario.put(key, value);
                }
            }
            planner.stages(stages.stream().map(String::trim).toList());
            Instance instance = factory.create(scenario, seed);
            describe(instance, row, point);
            PlanReport report = planner.build().plan(instance);
            for (StageSolve solve : report.stages()) {
                row.put(solve.stage() + ".status", solve.status());
                row.put(solve.stage() + ".objective", number(solve.objective()));
                row.put(solve.stage() + ".bound", number(solve.bound()));
                row.put(solve.stage() + ".gap", number(solve.gap()));
                row.put(solve.stage() + ".seconds", number(solve.buildSeconds() + solve.solveSeconds() + solve.decodeSeconds()));
                row.put(solve.stage() + ".solver", solve.solver());
            }
            Summary summary = report.evaluation().summary();
            row.put("feasible", Boolean.toString(report.feasible()));
            row.put("violations", Integer.toString(summary.violations()));
            row.put("joint", number(report.jointObjective()));
            row.put("sloMetFraction", number(summary.sloMetFraction()));
            row.put("hitRatio", number(summary.hitRatio()));
            row.put("meanLatency", number(summary.meanLatency()));
            row.put("maxLatency", number(summary.maxLatency()));
            row.put("devicePower", number(summary.devicePower()));
            row.put("jobsOnTime", Integer.toString(summary.jobsOnTime()));
            row.put("jobs", Integer.toString(summary.jobs()));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            row.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        row.put("seconds", number((System.nanoTime() - begin) / 1e9));
        return row;
    }

    private static void describe(Instance instance, Map<String, String> row, Map<String, String> point) {
        Map<String, String> size = new LinkedHashMap<>();
        List<Site> sites = instance.sites();
        size.put("siteCount", Integer.toString(sites.size()));
        size.put("userCount", Integer.toString(instance.users().size()));
        size.put("requestClasses", Integer.toString(instance.requests().size()));
        size.put("storagePerSite", number(sites.stream().mapToDouble(Site::storage).average().orElse(Double.NaN)));
        size.put("gpusPerSite", number(sites.stream().mapToInt(Site::gpus).average().orElse(Double.NaN)));
        size.put("demand", number(instance.requests().stream().mapToDouble(RequestClass::rate).sum()));
        size.forEach((column, value) -> {
            if (!point.containsKey(column)) {
                row.put(column, value);
            }
        });
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.9g", value);
    }
}
