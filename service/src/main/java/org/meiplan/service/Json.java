package org.meiplan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.io.Violation;

/** The service's JSON conventions: strict parsing with bounded depth and strings, NaN written as null. */
final class Json {
    /** Strict: duplicate keys and trailing tokens are errors; nesting and string lengths are bounded. */
    static final ObjectMapper MAPPER = InstanceReader.strictMapper(64, 1 << 20);

    private Json() {
    }

    /** Parses a request body; a syntax error is a 400 naming the line and column (never the server's state). */
    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "invalid-json", what + " is empty.", List.of(new Violation("", null,
                        "is empty", "Send a JSON document.")));
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(400, "invalid-json", what + " is not valid JSON" + where + ".",
                    List.of(new Violation("", null, "is not valid JSON" + where + ": " + reason(e),
                            "Check for a missing comma, quote or bracket near that place.")));
        }
    }

    /** Jackson's reason without its source description (which names no file here, but is noise). */
    private static String reason(JsonProcessingException e) {
        String text = String.valueOf(e.getOriginalMessage());
        int cut = text.indexOf(" (start marker at");
        if (cut < 0) {
            cut = text.indexOf("[Source");
        }
        text = cut < 0 ? text : text.substring(0, cut);
        int line = text.indexOf('\n');
        return (line < 0 ? text : text.substring(0, line)).trim();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a number as plan files do ({@link PlanJson#number}): NaN (unknown) as null, infinities as "inf"/"-inf". */
    static void number(ObjectNode node, String field, double value) {
        PlanJson.number(node, field, value);
    }

    /** The violations as a JSON array of {path, value, problem, hint}. */
    static ArrayNode violations(List<Violation> violations) {
        ArrayNode list = array();
        for (Violation v : violations) {
            ObjectNode item = list.addObject().put("path", v.path());
            if (v.value() == null) {
                item.putNull("value");
            } else {
                item.put("value", v.value());
            }
            item.put("problem", v.problem()).put("hint", v.hint());
        }
        return list;
    }

    /** The error document every 4xx/5xx carries. */
    static ObjectNode error(ApiException e) {
        ObjectNode root = object();
        ObjectNode error = root.putObject("error");
        error.put("status", e.status()).put("code", e.code()).put("message", e.getMessage());
        error.set("violations", violations(e.violations()));
        return root;
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise JSON", e);
        }
    }
}
