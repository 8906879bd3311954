package org.meiplan.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.meiplan.models.eval.Evaluation;

/**
 * Writes an evaluation as JSON ({@code evaluation.schema.json}): {@code feasible}, the summary, per-request,
 * per-site, per-user and per-job metrics, violations and assumptions, field names as in the records. JSON has no
 * NaN: a number that does not apply is {@code null}, and the record says why (an unserved class has
 * {@code "served": false} and null times; a summary latency is null when no class is served); infinities are the
 * strings {@code "inf"} and {@code "-inf"}, as in plans.
 */
public final class EvaluationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EvaluationJson() {
    }

    /** The evaluation as a JSON tree, with {@code feasible} first. */
    public static ObjectNode toJson(Evaluation evaluation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("feasible", evaluation.feasible());
        root.setAll((ObjectNode) MAPPER.valueToTree(evaluation));
        return (ObjectNode) finite(root);
    }

    /** The evaluation as pretty JSON text. */
    public static String toString(Evaluation evaluation) {
        return InstanceWriter.JsonText.pretty(toJson(evaluation));
    }

    /**
     * The tree with every NaN number replaced by {@code null} and every infinity by {@code "inf"} / {@code "-inf"}
     * (in place; returns the node, or its replacement when the node itself is such a number).
     */
    public static JsonNode finite(JsonNode node) {
        if (node.isNumber() && (node.isDouble() || node.isFloat())) {
            double v = node.doubleValue();
            if (Double.isNaN(v)) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (Double.isInfinite(v)) {
                return JsonNodeFactory.instance.textNode(v > 0 ? "inf" : "-inf");
            }
            return node;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(finite(e.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, finite(array.get(i)));
            }
        }
        return node;
    }
}
