package org.meiplan.solvers.math;

/**
 * Which {@link SolveOptions} a backend honours. An option a backend does not honour is ignored (never an error);
 * the contract tests check every option that is claimed here.
 *
 * @param timeLimit    stops at {@link SolveOptions#timeLimitSeconds()} and returns the incumbent
 * @param relativeGap  stops when the gap is at most {@link SolveOptions#relativeGap()}
 * @param threads      uses {@link SolveOptions#threads()} workers
 * @param seed         {@link SolveOptions#seed()} changes the search (and the same seed repeats it)
 * @param cancellation stops soon after {@link Cancellation#cancel()} from another thread
 * @param warmStart    uses {@link SolveOptions#warmStart(int)} as a starting solution / hint
 * @param progress     calls {@link SolveOptions#progress()} with incumbent and bound during the search
 * @param duals        reports row duals for a linear program solved to optimality
 */
public record Capabilities(boolean timeLimit, boolean relativeGap, boolean threads, boolean seed,
                           boolean cancellation, boolean warmStart, boolean progress, boolean duals) {
}
