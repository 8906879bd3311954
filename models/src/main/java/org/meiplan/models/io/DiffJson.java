package org.meiplan.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.meiplan.models.plan.PlanDiff;

/**
 * Writes a {@link PlanDiff} as JSON ({@code diff.schema.json}): {@code same}, the changes per part with the entries of
 * both plans in the plan format ({@code null} where a plan has none), {@code downloadBytes} per changed cache and in
 * total ({@code null} without the instance, which gives the block sizes).
 */
public final class DiffJson {
    /** The diff format version. */
    public static final String FORMAT = "1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiffJson() {
    }

    /** The diff as a JSON tree. */
    public static ObjectNode toJson(PlanDiff diff) {
        ObjectNode root = NODES.objectNode();
        root.put("meiplanDiff", FORMAT);
        root.put("same", diff.isEmpty());
        ArrayNode caching = root.putArray("caching");
        for (PlanDiff.CacheChange c : diff.caching()) {
            ObjectNode node = caching.addObject().put("site", c.site());
            c.added().forEach(node.putArray("added")::add);
            c.removed().forEach(node.putArray("removed")::add);
            PlanJson.number(node, "downloadBytes", c.downloadBytes());
        }
        ArrayNode serving = root.putArray("serving");
        for (PlanDiff.ServingChange s : diff.serving()) {
            ObjectNode node = serving.addObject().put("request", s.request());
            node.set("before", s.before() == null ? NODES.nullNode() : PlanJson.toJson(s.before()));
            node.set("after", s.after() == null ? NODES.nullNode() : PlanJson.toJson(s.after()));
        }
        ArrayNode radio = root.putArray("radio");
        for (PlanDiff.RadioChange r : diff.radio()) {
            ObjectNode node = radio.addObject().put("user", r.user());
            node.set("before", r.before() == null ? NODES.nullNode() : PlanJson.toJson(r.before()));
            node.set("after", r.after() == null ? NODES.nullNode() : PlanJson.toJson(r.after()));
        }
        ArrayNode training = root.putArray("training");
        for (PlanDiff.TrainingChange t : diff.training()) {
            ObjectNode node = training.addObject().put("job", t.job());
            node.set("before", t.before() == null ? NODES.nullNode() : PlanJson.toJson(t.before()));
            node.set("after", t.after() == null ? NODES.nullNode() : PlanJson.toJson(t.after()));
        }
        PlanJson.number(root, "downloadBytes", diff.downloadBytes());
        JsonNode checked = EvaluationJson.finite(root);
        return (ObjectNode) checked;
    }

    /** The diff as pretty JSON text. */
    public static String toString(PlanDiff diff) {
        return InstanceWriter.JsonText.pretty(toJson(diff));
    }
}
