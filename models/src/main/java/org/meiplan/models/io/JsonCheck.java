package org.meiplan.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.meiplan.models.units.Dimension;
import org.meiplan.models.units.Units;

/**
 * Reads typed fields out of a JSON tree and collects every problem as a {@link Violation}
 * instead of stopping at the first. Getters return a fallback value after recording a
 * problem, so reading can go on and report the rest.
 */
final class JsonCheck {
    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    boolean ok() {
        return violations.isEmpty();
    }

    void add(String path, String value, String problem, String hint) {
        violations.add(new Violation(path, value, problem, hint));
    }

    static String child(String path, String field) {
        return path + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    static String child(String path, int index) {
        return path + "/" + index;
    }

    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /**
     * An entry that must be an object with only the {@code allowed} fields: reports "must be an object" and
     * returns false when it is not one, else reports unknown fields ({@link #onlyFields}) and returns true.
     */
    boolean entry(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            add(path, show(node), "must be an object", null);
            return false;
        }
        onlyFields((ObjectNode) node, path, allowed);
        return true;
    }

    /** Reports fields of {@code object} that are not in {@code allowed}, with a "did you mean". */
    void onlyFields(ObjectNode object, String path, Set<String> allowed) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String near = nearest(name, allowed);
                add(child(path, name), show(object.get(name)), "unknown field \"" + name + "\"",
                        near != null ? "Did you mean \"" + near + "\"?"
                                : "Allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
            }
        }
    }

    /** Checks the free-text fields every entry may carry: description, notes, name (strings) and sources (strings by field). */
    void documentation(JsonNode object, String path) {
        for (String field : List.of("description", "notes", "name")) {
            if (object.has(field)) {
                string(object, field, path, null, false);
            }
        }
        JsonNode sources = object.get("sources");
        if (sources != null) {
            if (!sources.isObject()) {
                add(child(path, "sources"), show(sources), "must be an object of strings by field name",
                        "Write \"sources\": {\"memory\": \"datasheet ...\"}.");
            } else {
                sources.fields().forEachRemaining(entry -> {
                    if (!entry.getValue().isTextual()) {
                        add(child(child(path, "sources"), entry.getKey()), show(entry.getValue()), "must be a string",
                                "Name the datasheet, model card or paper.");
                    }
                });
            }
        }
    }

    /** The allowed name closest to {@code name} ({@link Suggestions}: edit distance ≤ max(2, length / 4), or case only), or null. */
    static String nearest(String name, Collection<String> allowed) {
        return new Suggestions(allowed).nearest(name);
    }

    static int levenshtein(String a, String b) {
        return Suggestions.bounded(a, b, Math.max(a.length(), b.length()));
    }

    /**
     * Builds a record from values already read, turning a shape check the record's constructor
     * still makes (an {@link IllegalArgumentException}) into a violation at {@code path}; returns
     * null then. The reader checks ranges first; this keeps any check it misses on the contract.
     */
    <T> T build(String path, String value, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            add(path, value, "is not accepted: " + e.getMessage(), "Fix the values of this entry.");
            return null;
        }
    }

    /** Reports a field written as null: absent means "use the default", null is a mistake. */
    boolean isNull(JsonNode node, String at, String field) {
        if (node != null && node.isNull()) {
            add(at, "null", "must not be null", "Remove \"" + field + "\" to use its default, or give a value.");
            return true;
        }
        return false;
    }

    /**
     * The field's value, or null when it is absent (reported, when required, with the hint
     * {@code before + field + after}, built only then) or written as null (always reported).
     */
    JsonNode present(JsonNode parent, String field, String path, boolean required, String before, String after) {
        JsonNode node = parent.get(field);
        if (node != null && !node.isNull()) {
            return node;
        }
        String at = child(path, field);
        if (node != null) {
            isNull(node, at, field);
        } else if (required) {
            add(at, null, "is missing", before + field + after);
        }
        return null;
    }

    ObjectNode object(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = present(parent, field, path, required, "Add an object \"", "\": { ... }.");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            add(child(path, field), show(node), "must be an object", "Write \"" + field + "\": { ... }.");
            return null;
        }
        return (ObjectNode) node;
    }

    ArrayNode array(JsonNode parent, String field, String path, boolean required, int maxSize) {
        JsonNode node = present(parent, field, path, required, "Add an array \"", "\": [ ... ].");
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            add(child(path, field), show(node), "must be an array", "Write \"" + field + "\": [ ... ].");
            return null;
        }
        if (node.size() > maxSize) {
            add(child(path, field), node.size() + " entries", "has more entries than the limit of " + maxSize,
                    "Split the instance or raise the reader's limits.");
            return null;
        }
        return (ArrayNode) node;
    }

    String string(JsonNode parent, String field, String path, String fallback, boolean required) {
        JsonNode node = present(parent, field, path, required, "Add \"", "\": \"...\".");
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual()) {
            add(child(path, field), show(node), "must be a string", "Write it in quotes.");
            return fallback;
        }
        return node.textValue();
    }

    /** A non-empty id string. */
    String id(JsonNode parent, String field, String path) {
        String id = string(parent, field, path, null, true);
        if (id != null && id.isBlank()) {
            add(child(path, field), "\"\"", "must not be empty", "Give every entry a short unique id.");
            return null;
        }
        return id;
    }

    boolean bool(JsonNode parent, String field, String path, boolean fallback) {
        JsonNode node = present(parent, field, path, false, "", "");
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            add(child(path, field), show(node), "must be true or false", null);
            return fallback;
        }
        return node.booleanValue();
    }

    long integer(JsonNode parent, String field, String path, long fallback, boolean required, long min, long max) {
        JsonNode node = present(parent, field, path, required, "Add \"", "\": <integer>.");
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || (!node.isIntegralNumber() && node.doubleValue() != Math.rint(node.doubleValue()))) {
            add(child(path, field), show(node), "must be a whole number", "Write it without quotes or a fraction.");
            return fallback;
        }
        java.math.BigDecimal exact = node.decimalValue();
        if (exact.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || exact.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            add(child(path, field), show(node), "must be between " + min + " and " + max, null);
            return fallback;
        }
        return exact.longValueExact();
    }

    /** What a quantity may be. */
    enum Range {
        ANY, NON_NEGATIVE, POSITIVE, FRACTION, POSITIVE_FRACTION
    }

    /**
     * A quantity: a JSON number in SI, or a string with a unit of {@code dimension}.
     * Returns {@code fallback} when the field is absent (after reporting it when required).
     */
    double quantity(JsonNode parent, String field, String path, Dimension dimension, Range range,
            double fallback, boolean required) {
        JsonNode node = present(parent, field, path, false, "", "");
        if (node == null) {
            if (required && !parent.has(field)) {
                add(child(path, field), null, "is missing", "Add \"" + field + "\" (" + dimension.description()
                        + (dimension.siUnit().isEmpty() ? "" : ", a number in " + dimension.siUnit() + " or a unit string")
                        + ").");
            }
            return fallback;
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            try {
                value = Units.parse(node.textValue(), dimension);
            } catch (Units.UnitException e) {
                add(child(path, field), show(node), e.getMessage(), e.hint());
                return fallback;
            } catch (NumberFormatException e) {
                add(child(path, field), show(node), "is not a number", null);
                return fallback;
            }
        } else {
            add(child(path, field), show(node), "must be " + dimension.description(),
                    "Write a number" + (dimension.siUnit().isEmpty() ? "" : " in " + dimension.siUnit() + " or a string with a unit")
                            + ".");
            return fallback;
        }
        if (!Double.isFinite(value)) {
            add(child(path, field), show(node), "must be finite", null);
            return fallback;
        }
        String implausible = Magnitudes.problem(dimension, value);
        if (implausible != null) {
            add(child(path, field), show(node), implausible, Magnitudes.hint(dimension));
            return fallback;
        }
        String problem = switch (range) {
            case ANY -> null;
            case NON_NEGATIVE -> value < 0 ? "must not be negative" : null;
            case POSITIVE -> value <= 0 ? "must be positive" : null;
            case FRACTION -> value < 0 || value > 1 ? "must be between 0 and 1" : null;
            case POSITIVE_FRACTION -> value <= 0 || value > 1 ? "must be in (0, 1]" : null;
        };
        if (problem != null) {
            add(child(path, field), show(node), problem, null);
            return fallback;
        }
        return value;
    }

    /** A string that must be one of {@code allowed}; reports the choices otherwise. */
    String choice(JsonNode parent, String field, String path, List<String> allowed, String fallback, boolean required) {
        String value = string(parent, field, path, null, required);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            String near = nearest(value, allowed);
            add(child(path, field), "\"" + value + "\"", "is not one of " + String.join(", ", allowed),
                    near != null ? "Did you mean \"" + near + "\"?" : null);
            return fallback;
        }
        return value;
    }
}
