package org.meiplan.solvers.serving;

import java.util.List;
import org.meiplan.models.formulations.serving.AssignmentFormulation;
import org.meiplan.models.formulations.serving.ServingOption;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.SolveResult;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * Mode, placement and variant assignment by the MILP of {@link AssignmentFormulation}, solved
 * through the math layer (SCIP by default) to the requested gap or time limit; the bound is the
 * solver's dual bound. Running time exponential in the worst case (branch and bound); the LP is an
 * assignment with knapsack rows, whose relaxation is tight enough for 1 % gaps on medium instances.
 */
public final class AssignmentMilp {

    public Assignment solve(AssignmentFormulation formulation, List<List<ServingOption>> menus, SolveOptions options) {
        return solve(formulation, menus, options, "auto");
    }

    /**
     * Solves with this backend ({@code auto}, {@code scip}, {@code ojalgo}); a hint in {@code options} (e.g. the
     * greedy's choice, {@link #hint}) warm-starts it. Without a solution (a limit hit first) the status is
     * {@code NO_SOLUTION}, the choice rejects every class and the bound is the solver's when it has one.
     */
    public Assignment solve(AssignmentFormulation formulation, List<List<ServingOption>> menus, SolveOptions options,
            String solverId) {
        Program program = formulation.build();
        if (program.numVariables() == 0) {
            // No class has an option that meets its SLOs: rejecting all is the only, hence optimal, assignment.
            int[] none = new int[menus.size()];
            java.util.Arrays.fill(none, -1);
            return new Assignment(none, 0.0, 0.0, "OPTIMAL", "none (empty menus)", 0.0);
        }
        SolveResult result = solverId.equals("auto") ? Solvers.solve(program, options)
                : Solvers.byId(solverId).solve(program, options);
        int[] choice = decode(formulation, menus, result);
        double objective = result.hasSolution() ? result.objective() : Double.NaN;
        return new Assignment(choice, objective, result.bound(), result.status().name(), result.solverId(),
                result.timings().total());
    }

    /** The serve columns of a choice (1 for the chosen option of each class, 0 for the others), as a warm start. */
    static java.util.Map<Integer, Double> hint(AssignmentFormulation formulation, List<List<ServingOption>> menus,
            int[] choice) {
        java.util.Map<Integer, Double> hint = new java.util.LinkedHashMap<>();
        int o = 0;
        for (int r = 0; r < menus.size(); r++) {
            for (int k = 0; k < menus.get(r).size(); k++, o++) {
                hint.put(formulation.serve(o), choice[r] == k ? 1.0 : 0.0);
            }
        }
        return hint;
    }

    static int[] decode(AssignmentFormulation formulation, List<List<ServingOption>> menus, SolveResult result) {
        int[] choice = new int[menus.size()];
        java.util.Arrays.fill(choice, -1);
        if (!result.hasSolution()) {
            return choice;
        }
        int o = 0;
        for (int r = 0; r < menus.size(); r++) {
            for (int k = 0; k < menus.get(r).size(); k++, o++) {
                if (result.value(formulation.serve(o)) > 0.5) {
                    choice[r] = k;
                }
            }
        }
        return choice;
    }
}
