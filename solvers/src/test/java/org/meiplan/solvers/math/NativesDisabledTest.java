package org.meiplan.solvers.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.solvers.backend.ortools.OrToolsNatives;

/**
 * What happens when the OR-Tools natives cannot load. Runs in its own surefire execution with
 * {@code -Dmeiplan.ortools.disabled=true} (see solvers/pom.xml); skipped in the normal run.
 */
class NativesDisabledTest {

    @Test
    void everythingFallsBackToOjAlgoWithAReason() {
        assumeTrue(Boolean.getBoolean("meiplan.ortools.disabled"), "only in the natives-disabled execution");
        assertThat(OrToolsNatives.available()).isFalse();
        Program p = TestPrograms.knapsack(12, 3);
        assertThat(Solvers.auto(p.features()).id()).isEqualTo("ojalgo");
        assertThat(Solvers.auto(TestPrograms.lp().features()).id()).isEqualTo("ojalgo");
        Support scip = Solvers.byId("scip").supports(p.features());
        assertThat(scip.supported()).isFalse();
        assertThat(scip.reason()).contains("could not be loaded", "ojalgo");
        SolveResult forced = Solvers.byId("scip").solve(p, SolveOptions.DEFAULTS);
        assertThat(forced.status()).isEqualTo(SolveStatus.ERROR);
        SolveResult r = Solvers.solve(p, SolveOptions.builder().relativeGap(0).build());
        assertThat(r.solverId()).isEqualTo("ojalgo");
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isEqualTo(TestPrograms.knapsackOptimum(p));
    }

    @Test
    void anExplicitSolverIsRejectedAndTheTrainingScheduleSaysWhoMadeIt() {
        assumeTrue(Boolean.getBoolean("meiplan.ortools.disabled"), "only in the natives-disabled execution");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.meiplan.solvers.plan.Planner.builder()
                .stages(java.util.List.of("caching")).solver("caching", "scip").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OR-Tools native", "ojalgo");
        org.meiplan.models.instance.Instance instance = org.meiplan.datasets.generate.ScenarioGenerator.generate(
                "mobile-health", org.meiplan.datasets.generate.Size.TINY, 1).read(0);
        org.meiplan.models.plan.Plan plan = new org.meiplan.solvers.training.TrainingStage().solve(instance,
                org.meiplan.models.plan.Plan.empty(instance.name()),
                org.meiplan.solvers.plan.StageOptions.DEFAULTS.withTimeLimit(5));
        org.meiplan.models.plan.StageSolve solve = plan.solves().get(plan.solves().size() - 1);
        assertThat(solve.solver()).isEqualTo("edf-ls");
        assertThat(solve.message()).contains("CP-SAT could not run");
    }
}
