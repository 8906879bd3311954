package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.meiplan.models.io.Violation;

/**
 * Changes to an instance document, in the two standard forms: a JSON Patch (RFC 6902: an array
 * of {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy}, {@code test}
 * operations addressed by JSON Pointers, the same pointers the validator's errors use) and a
 * JSON Merge Patch (RFC 7396: an object merged into the document, {@code null} removes a
 * field, arrays are replaced whole). The input is never modified.
 */
final class JsonPatches {
    private JsonPatches() {
    }

    /** Applies a patch (array: RFC 6902, object: RFC 7396); problems are reported under {@code base}. */
    static JsonNode apply(JsonNode document, JsonNode patch, String base) {
        if (patch.isArray()) {
            return jsonPatch(document, (ArrayNode) patch, base);
        }
        if (patch.isObject()) {
            return mergePatch(document, patch);
        }
        throw invalid(base, PlanOptions.show(patch), "must be a JSON Patch (an array of operations) or a JSON Merge"
                + " Patch (an object)", "Write e.g. [{\"op\": \"replace\", \"path\": \"/topology/users/0/position\","
                + " \"value\": [100, 20]}].");
    }

    /** RFC 7396. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    /** RFC 6902: all operations or none. */
    static JsonNode jsonPatch(JsonNode document, ArrayNode operations, String base) {
        JsonNode doc = document.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            String at = base + "/" + i;
            JsonNode op = operations.get(i);
            if (!op.isObject() || !op.path("op").isTextual() || !op.path("path").isTextual()) {
                throw invalid(at, PlanOptions.show(op), "is not a patch operation",
                        "Write {\"op\": \"replace\", \"path\": \"/pointer\", \"value\": ...}.");
            }
            String name = op.get("op").textValue();
            List<String> path = pointer(op.get("path").textValue(), at + "/path");
            switch (name) {
                case "add" -> doc = add(doc, path, value(op, at), at);
                case "remove" -> doc = remove(doc, path, at);
                case "replace" -> {
                    doc = remove(doc, path, at);
                    doc = add(doc, path, value(op, at), at);
                }
                case "move", "copy" -> {
                    if (!op.path("from").isTextual()) {
                        throw invalid(at + "/from", null, "is missing", "A " + name + " needs \"from\": \"/pointer\".");
                    }
                    List<String> from = pointer(op.get("from").textValue(), at + "/from");
                    JsonNode moved = get(doc, from, at + "/from").deepCopy();
                    if (name.equals("move")) {
                        if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
                            throw invalid(at + "/path", op.get("path").toString(), "is inside \"from\"",
                                    "A value cannot be moved into itself.");
                        }
                        doc = remove(doc, from, at);
                    }
                    doc = add(doc, path, moved, at);
                }
                case "test" -> {
                    if (!get(doc, path, at + "/path").equals(value(op, at))) {
                        throw new ApiException(409, "patch-test-failed", "A test operation of the patch failed: "
                                + op.get("path").textValue() + " does not hold the given value.",
                                List.of(new Violation(at, PlanOptions.show(op.get("value")), "does not match the document",
                                        "The instance changed since you read it; read it again.")));
                    }
                }
                default -> throw invalid(at + "/op", "\"" + name + "\"", "is not a patch operation",
                        "Use add, remove, replace, move, copy or test.");
            }
        }
        return doc;
    }

    private static JsonNode value(JsonNode op, String at) {
        if (!op.has("value")) {
            throw invalid(at + "/value", null, "is missing", "This operation needs a \"value\".");
        }
        return op.get("value");
    }

    private static List<String> pointer(String text, String at) {
        List<String> tokens = new ArrayList<>();
        if (text.isEmpty()) {
            return tokens;
        }
        if (!text.startsWith("/")) {
            throw invalid(at, "\"" + text + "\"", "is not a JSON Pointer", "A pointer starts with /, e.g. /topology/users/0.");
        }
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode get(JsonNode doc, List<String> path, String at) {
        JsonNode node = doc;
        for (String token : path) {
            node = child(node, token);
            if (node == null) {
                throw invalid(at, "\"/" + String.join("/", path) + "\"", "names nothing in the instance",
                        "Check the pointer against the instance you submitted.");
            }
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray()) {
            int index = index(token);
            return index >= 0 && index < node.size() ? node.get(index) : null;
        }
        return null;
    }

    private static int index(String token) {
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            return -1;
        }
        return Integer.parseInt(token);
    }

    private static JsonNode add(JsonNode doc, List<String> path, JsonNode value, String at) {
        if (path.isEmpty()) {
            return value.deepCopy();
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), at + "/path");
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value.deepCopy());
        } else if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            int index = last.equals("-") ? array.size() : index(last);
            if (index < 0 || index > array.size()) {
                throw invalid(at + "/path", "\"" + last + "\"", "is not an index of that array (size " + array.size() + ")",
                        "Use 0.." + array.size() + " or - to append.");
            }
            array.insert(index, value.deepCopy());
        } else {
            throw invalid(at + "/path", null, "points into a value that is neither object nor array", "Check the pointer.");
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, List<String> path, String at) {
        if (path.isEmpty()) {
            throw invalid(at + "/path", "\"\"", "would remove the whole instance", "Point at a part of it.");
        }
        get(doc, path, at + "/path");
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), at + "/path");
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(index(last));
        }
        return doc;
    }

    private static ApiException invalid(String path, String value, String problem, String hint) {
        return new ApiException(400, "invalid-patch", "The patch cannot be applied: " + path + " " + problem + ".",
                List.of(new Violation(path, value, problem, hint)));
    }
}
