package org.meiplan.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.PlanViolation;
import org.meiplan.models.eval.Summary;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.PlanDiff;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.plan.PlanReport;

/** Renders a job as the document {@code GET /v1/plans/{id}} returns (and the store keeps). */
final class JobJson {
    /** At most this many violations are listed in a job document; {@code POST /v1/evaluate} gives them all. */
    static final int MAX_VIOLATIONS = 50;

    private JobJson() {
    }

    static ObjectNode render(Job job) {
        Job.Snapshot s = job.snapshot();
        ObjectNode root = Json.object();
        root.put("id", job.id).put("kind", job.kind);
        if (job.parent == null) {
            root.putNull("parent");
        } else {
            root.put("parent", job.parent);
        }
        root.put("status", s.status().json());
        if (!s.message().isEmpty()) {
            root.put("message", s.message());
        }
        time(root, "submitted", job.submitted);
        time(root, "started", s.started());
        time(root, "finished", s.finished());
        root.set("options", job.options.toJson());
        if (s.progress() == null) {
            root.putNull("progress");
        } else {
            root.set("progress", s.progress());
        }
        PlanReport report = s.report();
        ArrayNode stages = root.putArray("stages");
        for (StageSolve solve : report != null ? report.stages() : s.stagesSoFar()) {
            stages.add(solve(solve));
        }
        if (report != null) {
            ObjectNode joint = root.putObject("joint");
            Json.number(joint, "objective", report.jointObjective());
            Json.number(joint, "bound", report.jointBound());
            Json.number(joint, "gap", report.jointGap());
            joint.put("composition", report.composition());
            Json.number(joint, "seconds", report.seconds());
            root.put("provisional", false);
            root.put("feasible", report.feasible());
            root.set("evaluation", evaluation(report.evaluation()));
            root.set("plan", PlanJson.toJson(report.plan()));
        } else if (s.provisional() != null) {
            ObjectNode joint = root.putObject("joint");
            Json.number(joint, "objective", s.provisional().jointObjective());
            root.put("provisional", true);
            root.put("feasible", s.provisional().evaluation().feasible());
            root.set("evaluation", evaluation(s.provisional().evaluation()));
            root.set("plan", PlanJson.toJson(s.provisional().plan()));
        } else {
            root.putNull("joint");
            root.put("provisional", false);
            root.putNull("feasible");
            root.putNull("evaluation");
            root.putNull("plan");
        }
        if (s.diff() != null) {
            root.set("diff", diff(s.diff()));
        }
        ObjectNode links = root.putObject("links");
        String self = "/v1/plans/" + job.id;
        links.put("self", self).put("events", self + "/events").put("plan", self + "/plan").put("changes", self + "/changes");
        return root;
    }

    /** One stage's solve: status, objective, bound, gap, solver, seconds, message. */
    static ObjectNode solve(StageSolve solve) {
        ObjectNode node = Json.object().put("stage", solve.stage()).put("status", solve.status());
        Json.number(node, "objective", solve.objective());
        Json.number(node, "bound", solve.bound());
        Json.number(node, "gap", solve.gap());
        node.put("solver", solve.solver());
        Json.number(node, "seconds", solve.buildSeconds() + solve.solveSeconds() + solve.decodeSeconds());
        node.put("message", solve.message());
        return node;
    }

    /** The evaluation summary, with up to {@link #MAX_VIOLATIONS} violations. */
    static ObjectNode evaluation(Evaluation evaluation) {
        ObjectNode node = Json.object().put("feasible", evaluation.feasible());
        Summary summary = evaluation.summary();
        ObjectNode sum = node.putObject("summary");
        sum.put("requestClasses", summary.requestClasses()).put("servedClasses", summary.servedClasses());
        Json.number(sum, "totalRate", summary.totalRate());
        Json.number(sum, "servedRate", summary.servedRate());
        Json.number(sum, "sloMetRate", summary.sloMetRate());
        Json.number(sum, "sloMetFraction", summary.sloMetFraction());
        Json.number(sum, "hitRatio", summary.hitRatio());
        Json.number(sum, "meanLatency", summary.meanLatency());
        Json.number(sum, "maxLatency", summary.maxLatency());
        Json.number(sum, "devicePower", summary.devicePower());
        sum.put("jobs", summary.jobs()).put("jobsOnTime", summary.jobsOnTime());
        Json.number(sum, "weightedTardiness", summary.weightedTardiness());
        sum.put("violations", summary.violations());
        ArrayNode list = node.putArray("violations");
        List<PlanViolation> violations = evaluation.violations();
        for (int i = 0; i < Math.min(MAX_VIOLATIONS, violations.size()); i++) {
            PlanViolation v = violations.get(i);
            ObjectNode item = list.addObject().put("kind", v.kind().name()).put("path", v.path())
                    .put("subject", v.subject());
            Json.number(item, "used", v.used());
            Json.number(item, "limit", v.limit());
            item.put("message", v.message());
        }
        return node;
    }

    /** What a replan moved against its parent's plan. */
    static ObjectNode diff(PlanDiff diff) {
        ObjectNode node = Json.object().put("empty", diff.isEmpty());
        Json.number(node, "downloadBytes", diff.downloadBytes());
        ArrayNode caching = node.putArray("caching");
        for (PlanDiff.CacheChange c : diff.caching()) {
            ObjectNode item = caching.addObject().put("site", c.site());
            item.set("added", Json.MAPPER.valueToTree(c.added()));
            item.set("removed", Json.MAPPER.valueToTree(c.removed()));
            Json.number(item, "downloadBytes", c.downloadBytes());
        }
        ArrayNode serving = node.putArray("serving");
        for (PlanDiff.ServingChange c : diff.serving()) {
            ObjectNode item = serving.addObject().put("request", c.request());
            item.set("before", serving(c.before()));
            item.set("after", serving(c.after()));
        }
        ArrayNode radio = node.putArray("radio");
        for (PlanDiff.RadioChange c : diff.radio()) {
            ObjectNode item = radio.addObject().put("user", c.user());
            item.set("before", grant(c.before()));
            item.set("after", grant(c.after()));
        }
        ArrayNode training = node.putArray("training");
        for (PlanDiff.TrainingChange c : diff.training()) {
            ObjectNode item = training.addObject().put("job", c.job());
            item.set("before", run(c.before()));
            item.set("after", run(c.after()));
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode serving(org.meiplan.models.plan.Serving s) {
        if (s == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ObjectNode node = Json.object().put("mode", s.mode().jsonName());
        if (s.variant() != null) {
            node.put("variant", s.variant());
        }
        ArrayNode stages = node.putArray("stages");
        for (org.meiplan.models.plan.Stage stage : s.stages()) {
            stages.addObject().put("node", stage.node()).putArray("layers").add(stage.firstLayer()).add(stage.lastLayer());
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode grant(org.meiplan.models.plan.RadioGrant g) {
        if (g == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ObjectNode node = Json.object();
        Json.number(node, "uplinkBandwidth", g.uplinkBandwidth());
        Json.number(node, "uplinkPower", g.uplinkPower());
        Json.number(node, "downlinkBandwidth", g.downlinkBandwidth());
        Json.number(node, "downlinkPower", g.downlinkPower());
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode run(org.meiplan.models.plan.TrainingRun r) {
        if (r == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ObjectNode node = Json.object().put("site", r.site());
        Json.number(node, "start", r.start());
        Json.number(node, "end", r.end());
        return node.put("splitLayer", r.splitLayer());
    }

    private static void time(ObjectNode node, String field, Instant instant) {
        if (instant == null) {
            node.putNull(field);
        } else {
            node.put(field, instant.toString());
        }
    }
}
