package org.meiplan.solvers.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * How one planning stage should be solved: time limit, target gap, threads, seed, solver
 * (an id from {@link org.meiplan.solvers.math.Solvers}, or {@code "auto"}), algorithm
 * ({@code "auto"}, {@code "exact"} or a stage's named heuristic), and a cancellation token.
 */
public record StageOptions(
        double timeLimitSeconds,
        double relativeGap,
        int threads,
        int seed,
        String solver,
        String algorithm,
        Cancellation cancellation) {

    /** The algorithm name every stage accepts for its fast heuristic. */
    public static final String GREEDY = "greedy";
    /** An alias of {@link #GREEDY}. */
    public static final String HEURISTIC = "heuristic";

    /** 60 s, 1e-4 gap, 1 thread, seed 0, automatic solver and algorithm. */
    public static final StageOptions DEFAULTS = new StageOptions(60.0, 1e-4, 1, 0, "auto", "auto", new Cancellation());

    public StageOptions {
        if (!(timeLimitSeconds > 0.0)) {
            throw new IllegalArgumentException("timeLimitSeconds must be > 0, was " + timeLimitSeconds);
        }
        if (!(relativeGap >= 0.0)) {
            throw new IllegalArgumentException("relativeGap must be >= 0, was " + relativeGap);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        solver = Objects.requireNonNullElse(solver, "auto").toLowerCase(Locale.ROOT);
        algorithm = Objects.requireNonNullElse(algorithm, "auto").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** Whether the algorithm asks for the stage's fast heuristic ({@value #GREEDY} or {@value #HEURISTIC}). */
    public boolean heuristic() {
        return algorithm.equals(GREEDY) || algorithm.equals(HEURISTIC);
    }

    /**
     * Throws an {@link IllegalArgumentException} unless the solver is {@code auto} or one of {@code allowed}, and,
     * for an OR-Tools solver, unless its natives load here (an explicit choice is never silently replaced).
     */
    public void requireSolver(String stage, String purpose, List<String> allowed) {
        if (solver.equals("auto")) {
            return;
        }
        if (!allowed.contains(solver)) {
            throw new IllegalArgumentException("--solver " + solver + ": the " + stage + " stage's " + purpose
                    + " can use " + String.join(", ", allowed) + " (or auto), not " + solver + ".");
        }
        if (!solver.equals("ojalgo") && !Solvers.orToolsAvailable()) {
            throw new IllegalArgumentException("--solver " + solver + " needs the OR-Tools native libraries, which"
                    + " could not be loaded here (" + Solvers.orToolsFailure() + "). Use --solver ojalgo or auto.");
        }
    }

    /** The same options with another time limit. */
    public StageOptions withTimeLimit(double seconds) {
        return new StageOptions(seconds, relativeGap, threads, seed, solver, algorithm, cancellation);
    }

    /** The same options with another algorithm. */
    public StageOptions withAlgorithm(String name) {
        return new StageOptions(timeLimitSeconds, relativeGap, threads, seed, solver, name, cancellation);
    }

    /** The same options with another solver id. */
    public StageOptions withSolver(String id) {
        return new StageOptions(timeLimitSeconds, relativeGap, threads, seed, id, algorithm, cancellation);
    }

    /** Solve options for the math layer with these limits, seed, threads and cancellation. */
    public SolveOptions.Builder solveOptions() {
        return SolveOptions.builder().timeLimitSeconds(timeLimitSeconds).relativeGap(relativeGap).threads(threads)
                .seed(seed).cancellation(cancellation);
    }
}
