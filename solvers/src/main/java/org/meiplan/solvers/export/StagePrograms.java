package org.meiplan.solvers.export;

import java.util.List;
import org.meiplan.models.formulations.caching.CachingFormulation;
import org.meiplan.models.formulations.caching.CachingObjective;
import org.meiplan.models.formulations.caching.CachingProblem;
import org.meiplan.models.formulations.serving.AssignmentFormulation;
import org.meiplan.models.formulations.serving.ServingMenus;
import org.meiplan.models.formulations.serving.ServingObjective;
import org.meiplan.models.formulations.serving.ServingOption;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.math.Program;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.SiteCache;

/**
 * The math program a planning stage solves, for export to other solvers ({@code meiplan export}, then
 * {@link org.meiplan.models.math.LpWriter} or {@link org.meiplan.models.math.MpsWriter}). Rows and columns carry the
 * instance's ids ({@code storage[site=bs-1]}, {@code serve[r1,edge,l8b-int4]}).
 *
 * <ul>
 *   <li>{@code caching}: the parameter-sharing MILP of {@link CachingFormulation} with sizes in GB (what SCIP and
 *       ojAlgo solve; CP-SAT gets the same program with sizes in whole bytes), hit-ratio objective as a sum of
 *       served demand, requests/s: the stage reports it divided by the total demand.</li>
 *   <li>{@code serving}: the assignment MILP of {@link AssignmentFormulation} for the default objective. The cache
 *       comes from {@code sofar}'s caching part; when it has none, the cache is free within storage, as when the
 *       serving stage runs first. Its objective is the stage's objective.</li>
 *   <li>{@code training}: refused; the stage solves a scheduling program (optional intervals and cumulative
 *       resources on a time grid, CP-SAT) that has no LP/MPS form.</li>
 * </ul>
 */
public final class StagePrograms {

    /** The stages whose program can be exported. */
    public static final List<String> EXPORTABLE = List.of("caching", "serving");

    private StagePrograms() {
    }

    /**
     * The program {@code stage} solves on {@code instance} after the stages that made {@code sofar}.
     *
     * @throws IllegalArgumentException for a stage without a linear program, with the reason
     */
    public static Program of(String stage, Instance instance, Plan sofar) {
        return switch (stage) {
            case "caching" -> new CachingFormulation(CachingProblem.of(instance, new CachingObjective.HitRatio()))
                    .program();
            case "serving" -> serving(instance, sofar);
            case "training" -> throw new IllegalArgumentException("the training stage solves a scheduling program"
                    + " (optional intervals, cumulative GPU compute and memory on a time grid, CP-SAT), which has no"
                    + " LP/MPS form. Export --stage caching or --stage serving.");
            default -> throw new IllegalArgumentException("\"" + stage + "\" is not a stage with a program to export."
                    + " Use one of: " + String.join(", ", EXPORTABLE) + ".");
        };
    }

    private static Program serving(Instance instance, Plan sofar) {
        boolean freeCaching = sofar.caching().isEmpty();
        boolean[][] cached = null;
        if (!freeCaching) {
            cached = new boolean[instance.sites().size()][instance.variants().size()];
            for (SiteCache cache : sofar.caching()) {
                int s = instance.siteIndex(cache.site());
                for (String v : cache.variants()) {
                    int vi = instance.variantIndex(v);
                    if (s < 0 || vi < 0) {
                        throw new IllegalArgumentException("the plan caches " + v + " at " + cache.site()
                                + ", which the instance does not have; check that the plan belongs to the instance.");
                    }
                    cached[s][vi] = true;
                }
            }
        }
        List<List<ServingOption>> menus = ServingMenus.of(instance, cached);
        return new AssignmentFormulation(instance, menus, freeCaching, ServingObjective.defaults()).build();
    }
}
