package org.meiplan.solvers.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.meiplan.models.io.EvaluationJson;
import org.meiplan.models.io.InstanceWriter;
import org.meiplan.models.io.PlanJson;
import org.meiplan.solvers.plan.PlanReport;

/**
 * What {@code meiplan solve --json} prints: the plan ({@code plan.schema.json}, so the output reads back as a plan)
 * with two more fields, {@code report} (the joint objective, its upper bound and gap, the composition, the wall-clock
 * time, whether the run was cancelled) and {@code evaluation} (the evaluator's verdict, {@code evaluation.schema.json}).
 * Unknown numbers are {@code null}, infinities {@code "inf"}.
 */
public final class ReportJson {
    private ReportJson() {
    }

    /** The report as a JSON tree. */
    public static ObjectNode toJson(PlanReport report) {
        ObjectNode root = PlanJson.toJson(report.plan());
        ObjectNode summary = root.putObject("report");
        summary.put("jointObjective", report.jointObjective());
        summary.put("jointBound", report.jointBound());
        summary.put("jointGap", report.jointGap());
        summary.put("composition", report.composition());
        summary.put("seconds", report.seconds());
        summary.put("cancelled", report.cancelled());
        summary.put("feasible", report.evaluation().feasible());
        EvaluationJson.finite(summary);
        root.set("evaluation", EvaluationJson.toJson(report.evaluation()));
        return root;
    }

    /** The report as pretty JSON text. */
    public static String toString(PlanReport report) {
        return InstanceWriter.JsonText.pretty(toJson(report));
    }
}
