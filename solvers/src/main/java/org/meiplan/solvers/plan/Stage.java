package org.meiplan.solvers.plan;

import org.meiplan.models.instance.Instance;
import org.meiplan.models.plan.Plan;

/**
 * One planning stage (caching, serving, radio, training): given the instance and the plan so
 * far, it decides its part of the plan and records how it solved it.
 *
 * <p>Contract: the returned plan keeps every part of {@code sofar} that this stage does not
 * own, replaces the part it owns, and appends one {@link org.meiplan.models.plan.StageSolve}
 * named {@link #name()} with status, objective, bound, gap and timings. Infeasibility and
 * time limits are statuses in that record, never exceptions; bad input that slipped past
 * validation is an {@link IllegalArgumentException}.
 */
public interface Stage {

    /** The stage's name, as used by {@code meiplan solve --stage}. */
    String name();

    /** One sentence for help texts. */
    String description();

    /** Decides this stage's part of the plan. */
    Plan solve(Instance instance, Plan sofar, StageOptions options);

    /**
     * Throws an {@link IllegalArgumentException} (naming the option, its value and what the stage accepts) when this
     * stage cannot honour {@code options} — an unknown algorithm, a solver it cannot use. The {@link Planner} asks
     * every stage before any runs, so a bad option fails before any work is done. Every stage accepts
     * {@value StageOptions#GREEDY} and {@value StageOptions#HEURISTIC} for its fast heuristic. The default accepts
     * everything.
     */
    default void check(StageOptions options) {
    }
}
