package org.meiplan.solvers.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.math.Cancellation;

/**
 * Composes the planning stages into one deployment plan: caching → serving (modes, split,
 * partition, radio) → training on what inference leaves. Built once with its options, then
 * {@link #plan(Instance)} as often as needed, from any number of threads at once (a planner
 * holds no mutable state; each call has its own cancellation token unless one is given).
 *
 * <p>The global time limit is split among the stages in proportion to their shares (time a
 * stage does not use passes on to the next). When both caching and serving run, the planner
 * tries two compositions — the decomposition (caching for hit ratio, then serving on those
 * caches) and a joint one (serving chooses the caches itself) — each with half the time, and
 * keeps the plan with the better joint objective; the report says which, with an upper bound
 * on the joint objective from {@link JointBound}. Every returned plan has been checked by the
 * {@link Evaluator}. The same instance, options and seed give the same plan.
 */
public final class Planner {

    /** Share of each pass's budget kept for model building, decoding and evaluation outside the solvers. */
    static final double RESERVE = 0.15;

    /** Default shares of the time limit by stage name; stages not listed get 1. */
    static final Map<String, Double> DEFAULT_SHARES = Map.of("caching", 3.0, "serving", 4.0, "radio", 1.0, "training", 2.0);

    private final List<Stage> stages;
    private final double timeLimitSeconds;
    private final double relativeGap;
    private final int threads;
    private final int seed;
    private final Map<String, String> solvers;
    private final Map<String, String> algorithms;
    private final double inferenceWeight;
    private final double trainingWeight;
    private final PlannerListener listener;

    private Planner(Builder b) {
        if (b.custom != null) {
            this.stages = List.copyOf(b.custom);
        } else {
            List<Stage> resolved = new ArrayList<>();
            for (String name : b.stages == null ? Stages.names() : b.stages) {
                resolved.add(Stages.byName(name)); // fails early on unknown names
            }
            this.stages = List.copyOf(resolved);
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a planner needs at least one stage");
        }
        this.timeLimitSeconds = b.timeLimitSeconds;
        this.relativeGap = b.relativeGap;
        this.threads = b.threads;
        this.seed = b.seed;
        this.solvers = Map.copyOf(b.solvers);
        this.algorithms = Map.copyOf(b.algorithms);
        this.inferenceWeight = b.inferenceWeight;
        this.trainingWeight = b.trainingWeight;
        this.listener = b.listener;
        // an option a stage cannot honour fails here, before any stage runs
        for (Stage stage : stages) {
            stage.check(new StageOptions(timeLimitSeconds, relativeGap, threads, seed,
                    solvers.getOrDefault(stage.name(), "auto"), algorithms.getOrDefault(stage.name(), "auto"),
                    new Cancellation()));
        }
    }


    /** A builder with defaults: every stage, 60 s in all, gap 1e-4, one thread, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** The stages this planner runs, in order. */
    public List<String> stages() {
        return stages.stream().map(Stage::name).toList();
    }

    /** Plans from scratch. */
    public PlanReport plan(Instance instance) {
        return plan(instance, new Cancellation(), Deadline.NONE);
    }

    /** Plans from scratch; {@code cancellation} stops it from another thread and returns the best plan so far. */
    public PlanReport plan(Instance instance, Cancellation cancellation) {
        return plan(instance, cancellation, Deadline.NONE);
    }

    /**
     * Plans from scratch within the planner's time limit and {@code deadline}, whichever comes first (a command gives
     * its one wall-clock deadline, of which reading has already used a part). {@code cancellation} stops it from
     * another thread: the call then returns within {@value #CANCEL_ANSWER_MILLIS} ms (plus the evaluation of the
     * plan so far) with the best plan so far, the stage that was running being abandoned.
     */
    public PlanReport plan(Instance instance, Cancellation cancellation, Deadline deadline) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(deadline, "deadline");
        return run(instance, Plan.empty(instance.name()), cancellation, deadline);
    }

    /** How long a cancelled call waits for the running stage before it returns the plan so far, ms. */
    public static final long CANCEL_ANSWER_MILLIS = 150;

    /**
     * Plans again after the instance changed (users moved, channels or load shifted), warm from
     * the previous plan and much faster than a cold plan:
     * <ul>
     *   <li>caching: the previous caches are kept unless a fresh greedy cache (no LP bound) raises the hit ratio
     *       by more than {@link #REPLAN_HIT_GAIN} — moving models costs backhaul, so it must pay for itself;</li>
     *   <li>serving: re-decided on the kept caches with the greedy assignment, without its LP bound
     *       (unless an algorithm was set);</li>
     *   <li>training: the previous schedule is kept when it still fits what inference leaves, else
     *       rescheduled with the list heuristic (unless an algorithm was set).</li>
     * </ul>
     * Use {@link org.meiplan.models.plan.PlanDiff#between} to see what moved.
     */
    public PlanReport replan(Plan previous, Instance changed) {
        Objects.requireNonNull(previous, "previous");
        long begin = System.nanoTime();
        Cancellation cancellation = new Cancellation();
        List<Stage> warm = new ArrayList<>();
        for (Stage stage : stages) {
            warm.add(switch (stage.name()) {
                case "caching" -> new KeepCachesUnlessWorthMoving(stage);
                case "serving" -> algorithms.containsKey("serving") ? stage : new WithAlgorithm(stage, "greedy-quick");
                case "training" -> new KeepScheduleIfItFits(stage, algorithms.containsKey("training") ? null : "edf");
                default -> stage;
            });
        }
        // Caches and the schedule carry over; serving and radio are re-decided from scratch.
        Plan start = new Plan(changed.name(), previous.caching(), List.of(), List.of(), previous.training(), List.of());
        Attempt attempt = pass(changed, start, warm, timeLimitSeconds, cancellation, begin, "replan", null);
        return new PlanReport(attempt.plan(), attempt.evaluation(), attempt.solves(), attempt.joint(),
                JointBound.of(changed, inferenceWeight, trainingWeight), attempt.composition(),
                (System.nanoTime() - begin) / 1e9, false);
    }

    /** The smallest rise in hit ratio for which a replan moves caches. */
    public static final double REPLAN_HIT_GAIN = 0.01;

    /** A stage that stands in for another, under its name. */
    private interface Wrapping extends Stage {
        Stage stage();

        @Override
        default String name() {
            return stage().name();
        }

        @Override
        default String description() {
            return stage().description();
        }

        @Override
        default void check(StageOptions options) {
            stage().check(options);
        }
    }

    /** A stage run with a fixed algorithm. */
    private record WithAlgorithm(Stage stage, String algorithm) implements Wrapping {
        @Override
        public Plan solve(Instance instance, Plan sofar, StageOptions options) {
            return stage.solve(instance, sofar, options.withAlgorithm(algorithm));
        }
    }

    /** Replan caching: keep the previous caches unless a fresh greedy cache is clearly better. */
    private record KeepCachesUnlessWorthMoving(Stage stage) implements Wrapping {
        @Override
        public Plan solve(Instance instance, Plan sofar, StageOptions options) {
            if (sofar.caching().isEmpty()) {
                return stage.solve(instance, sofar, options);
            }
            long begin = System.nanoTime();
            Plan empty = new Plan(sofar.instance(), List.of(), sofar.serving(), sofar.radio(), sofar.training(),
                    sofar.solves());
            Plan fresh = stage.solve(instance, empty, options.withAlgorithm("greedy-quick"));
            double freshHit = hitRatio(instance, fresh);
            double keptHit = hitRatio(instance, sofar);
            if (freshHit > keptHit + REPLAN_HIT_GAIN) {
                return fresh;
            }
            StageSolve freshSolve = lastSolveOf(fresh, name());
            double bound = freshSolve == null ? Double.NaN : Math.max(freshSolve.bound(), keptHit);
            List<StageSolve> solves = new ArrayList<>(sofar.solves());
            solves.add(new StageSolve(name(), "FEASIBLE", keptHit, bound,
                    org.meiplan.models.math.Gap.relative(keptHit, bound), "kept-previous", "", 0.0,
                    (System.nanoTime() - begin) / 1e9, 0.0, 0));
            return new Plan(sofar.instance(), sofar.caching(), sofar.serving(), sofar.radio(), sofar.training(), solves);
        }

        private static double hitRatio(Instance instance, Plan plan) {
            Plan cachesOnly = new Plan(plan.instance(), plan.caching(), List.of(), List.of(), List.of(), List.of());
            return new Evaluator().evaluate(instance, cachesOnly).summary().hitRatio();
        }
    }

    /** Replan training: keep the previous schedule when it still fits, else reschedule. */
    private record KeepScheduleIfItFits(Stage stage, String algorithm) implements Wrapping {
        @Override
        public Plan solve(Instance instance, Plan sofar, StageOptions options) {
            long begin = System.nanoTime();
            if (!sofar.training().isEmpty()) {
                Evaluation evaluation = new Evaluator().evaluate(instance, sofar);
                boolean fits = evaluation.violations().stream().noneMatch(v -> v.path().startsWith("/training")
                        || v.kind().name().startsWith("TRAINING"));
                if (fits) {
                    double onTime = evaluation.summary().jobsOnTime();
                    List<StageSolve> solves = new ArrayList<>(sofar.solves());
                    solves.add(new StageSolve(name(), "FEASIBLE", onTime, Double.NaN, Double.NaN, "kept-previous", "",
                            0.0, (System.nanoTime() - begin) / 1e9, 0.0, 0));
                    return new Plan(sofar.instance(), sofar.caching(), sofar.serving(), sofar.radio(), sofar.training(),
                            solves);
                }
            }
            return stage.solve(instance, sofar, algorithm == null ? options : options.withAlgorithm(algorithm));
        }
    }

    static Plan withoutSolves(Plan plan, String name) {
        return new Plan(name, plan.caching(), plan.serving(), plan.radio(), plan.training(), List.of());
    }

    /** One pass through a list of stages. */
    private record Attempt(Plan plan, List<StageSolve> solves, Evaluation evaluation, double joint, String composition) {
    }

    private PlanReport run(Instance instance, Plan start, Cancellation cancellation, Deadline deadline) {
        long begin = System.nanoTime();
        double limit = Math.min(timeLimitSeconds, deadline.remainingSeconds());
        List<String> names = stages();
        boolean alternative = start.caching().isEmpty() && names.contains("caching") && names.contains("serving");
        // Decomposition: every stage in order. With caching and serving both present, a second
        // composition lets the serving stage choose the caches itself (joint caching and serving);
        // the plan with the better joint objective is kept (ties keep the decomposition).
        Progress first = new Progress(start);
        Attempt best = guarded(instance, first, cancellation,
                () -> pass(instance, start, stages, alternative ? 0.5 * limit : limit, cancellation, begin,
                        "decomposition", first));
        if (alternative && !cancellation.isCancelled()) {
            List<Stage> joint = stages.stream().filter(stage -> !stage.name().equals("caching")).toList();
            double left = limit - (System.nanoTime() - begin) / 1e9;
            if (left > 0.3 * limit) {
                Progress second = new Progress(start);
                Attempt other = guarded(instance, second, cancellation,
                        () -> pass(instance, start, joint, left, cancellation, begin, "joint caching+serving", second));
                if (!cancellation.isCancelled() && better(other, best)) {
                    best = other;
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new PlanReport(best.plan(), best.evaluation(), best.solves(), best.joint(),
                JointBound.of(instance, inferenceWeight, trainingWeight), best.composition(), seconds,
                cancellation.isCancelled());
    }

    /** The plan and solves of a pass after its last finished stage (read by the caller when it stops waiting). */
    private static final class Progress {
        private Plan plan;
        private final List<StageSolve> solves = new ArrayList<>();
        private String composition = "";

        Progress(Plan start) {
            this.plan = start;
        }

        synchronized void finished(Plan next, StageSolve solve, String name) {
            plan = next;
            composition = name;
            if (solve != null) {
                solves.add(solve);
            }
        }

        synchronized Plan plan() {
            return plan;
        }

        synchronized List<StageSolve> solves() {
            return List.copyOf(solves);
        }

        synchronized String composition() {
            return composition;
        }
    }

    /**
     * Runs a pass on its own thread and waits for it; once {@code cancellation} is set it waits at most
     * {@link #CANCEL_ANSWER_MILLIS} more, then returns the plan after the pass's last finished stage (the running
     * stage is abandoned: it sees the cancellation and its result is dropped).
     */
    private Attempt guarded(Instance instance, Progress progress, Cancellation cancellation,
            java.util.concurrent.Callable<Attempt> pass) {
        java.util.concurrent.FutureTask<Attempt> task = new java.util.concurrent.FutureTask<>(pass);
        Thread worker = new Thread(task, "meiplan-planner");
        worker.setDaemon(true);
        worker.start();
        long cancelledAt = 0;
        while (true) {
            try {
                return task.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (cancellation.isCancelled()) {
                    long now = System.nanoTime();
                    if (cancelledAt == 0) {
                        cancelledAt = now;
                    } else if (now - cancelledAt > CANCEL_ANSWER_MILLIS * 1_000_000L) {
                        Plan plan = progress.plan();
                        Evaluation evaluation = new Evaluator().evaluate(instance, plan);
                        String name = progress.composition().isEmpty() ? "none" : progress.composition();
                        return new Attempt(plan, progress.solves(), evaluation,
                                jointObjective(evaluation, inferenceWeight, trainingWeight), name + " (cancelled)");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static boolean better(Attempt a, Attempt b) {
        if (a.evaluation().feasible() != b.evaluation().feasible()) {
            return a.evaluation().feasible();
        }
        return a.joint() > b.joint() + 1e-9;
    }

    private Attempt pass(Instance instance, Plan start, List<Stage> path, double budget, Cancellation cancellation,
            long begin, String composition, Progress progress) {
        long passBegin = System.nanoTime();
        double totalShare = 0.0;
        for (Stage stage : path) {
            totalShare += DEFAULT_SHARES.getOrDefault(stage.name(), 1.0);
        }
        Plan plan = start;
        List<StageSolve> solves = new ArrayList<>();
        double shareLeft = totalShare;
        for (int i = 0; i < path.size(); i++) {
            Stage stage = path.get(i);
            String name = stage.name();
            if (cancellation.isCancelled()) {
                break;
            }
            // Solvers get their share of what is left after a reserve for building, decoding and evaluating.
            double remaining = Math.max(0.0, (1.0 - RESERVE) * budget - (System.nanoTime() - passBegin) / 1e9);
            double share = DEFAULT_SHARES.getOrDefault(name, 1.0);
            double limit = Math.max(0.05, remaining * share / shareLeft);
            shareLeft -= share;
            StageOptions options = new StageOptions(limit, relativeGap, threads, seed,
                    solvers.getOrDefault(name, "auto"), algorithms.getOrDefault(name, "auto"), cancellation);
            listener.stageStarted(name, i, path.size(), limit);
            plan = stage.solve(instance, plan, options);
            StageSolve solve = lastSolveOf(plan, name);
            if (solve != null) {
                solves.add(solve);
                listener.stageFinished(solve, i, path.size());
            }
            if (progress != null) {
                progress.finished(plan, solve, composition);
            }
        }
        Evaluation evaluation = new Evaluator().evaluate(instance, plan);
        return new Attempt(plan, solves, evaluation, jointObjective(evaluation, inferenceWeight, trainingWeight),
                composition);
    }

    private static StageSolve lastSolveOf(Plan plan, String stage) {
        for (int i = plan.solves().size() - 1; i >= 0; i--) {
            if (plan.solves().get(i).stage().equals(stage)) {
                return plan.solves().get(i);
            }
        }
        return null;
    }

    /**
     * The joint objective, higher is better: {@code wI · (share of rate·weight served within
     * SLO) + wT · (share of training jobs on time)}, over the parts the instance has; a plan
     * that violates a constraint scores {@code −(number of violations)}.
     */
    public static double jointObjective(Evaluation evaluation, double inferenceWeight, double trainingWeight) {
        if (!evaluation.feasible()) {
            return -evaluation.violations().size();
        }
        double value = 0.0;
        if (evaluation.summary().requestClasses() > 0) {
            value += inferenceWeight * evaluation.summary().sloMetFraction();
        }
        if (evaluation.summary().jobs() > 0) {
            value += trainingWeight * evaluation.summary().jobsOnTime() / (double) evaluation.summary().jobs();
        }
        return value;
    }

    /** Options of a {@link Planner}. */
    public static final class Builder {
        private List<String> stages;
        private List<Stage> custom;
        private double timeLimitSeconds = 60.0;
        private double relativeGap = 1e-4;
        private int threads = 1;
        private int seed;
        private final Map<String, String> solvers = new LinkedHashMap<>();
        private final Map<String, String> algorithms = new LinkedHashMap<>();
        private double inferenceWeight = 1.0;
        private double trainingWeight = 1.0;
        private PlannerListener listener = PlannerListener.NONE;

        private Builder() {
        }

        /** The stages to run, in order (default: every registered stage). */
        public Builder stages(List<String> names) {
            this.stages = List.copyOf(names);
            return this;
        }

        /** Runs these stage objects instead of registered ones (custom or wrapped stages). */
        public Builder stageObjects(List<Stage> list) {
            this.custom = List.copyOf(list);
            return this;
        }

        /** Time limit for the whole plan, s, split among the stages. */
        public Builder timeLimitSeconds(double seconds) {
            if (!(seconds > 0.0)) {
                throw new IllegalArgumentException("timeLimitSeconds must be > 0, was " + seconds);
            }
            this.timeLimitSeconds = seconds;
            return this;
        }

        /** Relative gap at which exact solves may stop. */
        public Builder relativeGap(double gap) {
            if (!(gap >= 0.0)) {
                throw new IllegalArgumentException("relativeGap must be >= 0, was " + gap);
            }
            this.relativeGap = gap;
            return this;
        }

        /** Threads a stage may use. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** Random seed; the same seed gives the same plan. */
        public Builder seed(int value) {
            this.seed = value;
            return this;
        }

        /** The math-layer backend for one stage ({@code scip}, {@code cpsat}, ... or {@code auto}). */
        public Builder solver(String stage, String id) {
            solvers.put(Objects.requireNonNull(stage), Objects.requireNonNull(id));
            return this;
        }

        /** The algorithm for one stage ({@code auto}, {@code exact}, or the stage's heuristic). */
        public Builder algorithm(String stage, String name) {
            algorithms.put(Objects.requireNonNull(stage), Objects.requireNonNull(name));
            return this;
        }

        /** Weights of the joint objective's inference and training parts (default 1 and 1). */
        public Builder weights(double inference, double training) {
            if (!(inference >= 0.0) || !(training >= 0.0)) {
                throw new IllegalArgumentException("weights must be >= 0");
            }
            this.inferenceWeight = inference;
            this.trainingWeight = training;
            return this;
        }

        /** Who hears progress. */
        public Builder listener(PlannerListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        public Planner build() {
            return new Planner(this);
        }
    }
}
