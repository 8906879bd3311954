package org.meiplan.datasets.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a JSON document, for fuzzing the readers: the same base and seed give
 * the same mutant. Each mutant applies one to three edits at random places of the tree
 * (delete, replace by an edge value of another type or magnitude, scale a number by a power
 * of ten, duplicate or empty an array, misspell a field or an id, add a field, nest deeply),
 * and about one in twenty is also damaged at the byte level (truncated, a bad UTF-8 or UTF-32
 * sequence, a byte flipped, a control character in a string).
 *
 * <p>Running time O(size of the document) per mutant.
 */
public final class JsonMutator {

    /**
     * One mutated document: its bytes (UTF-8 unless damaged at the byte level) and what was done,
     * for a failure message.
     */
    public record Mutant(long seed, byte[] bytes, String edits, boolean damaged) {
        public Mutant {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(edits, "edits");
        }

        /** The document as text (lossy when the bytes are damaged). */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "mutant of seed " + seed + ": " + edits;
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Values that break readers: other types, edges of number ranges, units, control characters. */
    private static final List<JsonNode> EDGE_VALUES = List.of(
            JSON.nullNode(), JSON.booleanNode(true), JSON.textNode(""), JSON.textNode("x"), JSON.numberNode(0),
            JSON.numberNode(-1), JSON.numberNode(1), JSON.numberNode(0.5), JSON.numberNode(1e308), JSON.numberNode(-1e308),
            JSON.numberNode(4.9e-324), JSON.numberNode(1e-30), JSON.numberNode(1e30), JSON.numberNode(Long.MAX_VALUE),
            JSON.numberNode(Long.MIN_VALUE), JSON.numberNode(new BigInteger("9223372036854775808")),
            JSON.numberNode(new BigInteger("-9223372036854775809")), JSON.numberNode(Integer.MAX_VALUE),
            JSON.numberNode(Integer.MAX_VALUE + 1L), JSON.numberNode(30), JSON.numberNode(1e6), JSON.numberNode(2.5),
            JSON.textNode("NaN"), JSON.textNode("Infinity"), JSON.textNode("-inf"), JSON.textNode("1e308 W"),
            JSON.textNode("1e400 GB"), JSON.textNode("-174 dBm/Hz"), JSON.textNode("500 dBm"), JSON.textNode("30 m"),
            JSON.textNode("0.1 GHz"), JSON.textNode("200 GHz"), JSON.textNode("5 XB"), JSON.textNode("12 /min"),
            JSON.textNode("-3 ms"), JSON.textNode("1e-300 s"), JSON.textNode("\u001b[31mred\u001b[0m"),
            JSON.textNode("a\u0000b"), JSON.textNode("\u202eevil"), JSON.objectNode(), JSON.arrayNode(),
            JSON.arrayNode().add(0).add(0), JSON.arrayNode().add(1e308).add(-1e308), JSON.textNode("ue-0"),
            JSON.textNode("bs-1"));

    private JsonMutator() {
    }

    /** A mutant of {@code base} (left unchanged), fixed by {@code seed}. */
    public static Mutant mutate(JsonNode base, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        JsonNode root = base.deepCopy();
        StringBuilder edits = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            root = edit(root, random, edits);
        }
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        boolean damaged = random.nextInt(20) == 0;
        if (damaged) {
            bytes = damage(bytes, random, edits);
        }
        return new Mutant(seed, bytes, edits.toString(), damaged);
    }

    /** Every container in the tree with its JSON pointer, in document order. */
    private static void containers(JsonNode node, String path, List<JsonNode> nodes, List<String> paths) {
        if (node.isContainerNode()) {
            nodes.add(node);
            paths.add(path);
            if (node.isObject()) {
                Iterator<String> names = node.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    containers(node.get(name), path + "/" + name, nodes, paths);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    containers(node.get(i), path + "/" + i, nodes, paths);
                }
            }
        }
    }

    private static JsonNode edit(JsonNode root, SplittableRandom random, StringBuilder edits) {
        List<JsonNode> nodes = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        containers(root, "", nodes, paths);
        int pick = random.nextInt(nodes.size());
        JsonNode container = nodes.get(pick);
        String path = paths.get(pick);
        if (container.isEmpty()) {
            if (container instanceof ObjectNode object) {
                object.set("x", edge(random));
            } else {
                ((ArrayNode) container).add(edge(random));
            }
            note(edits, "filled empty " + path);
            return root;
        }
        int kind = random.nextInt(10);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            JsonNode old = object.get(name);
            String at = path + "/" + name;
            switch (kind) {
                case 0 -> {
                    object.remove(name);
                    note(edits, "removed " + at);
                }
                case 1 -> {
                    JsonNode value = object.remove(name);
                    object.set(misspell(name, random), value);
                    note(edits, "misspelt " + at);
                }
                case 2 -> {
                    object.set("unknown" + random.nextInt(3), edge(random));
                    note(edits, "added a field to " + path);
                }
                default -> {
                    object.set(name, replacement(old, random));
                    note(edits, "set " + at + " = " + show(object.get(name)));
                }
            }
        } else {
            ArrayNode array = (ArrayNode) container;
            int index = random.nextInt(array.size());
            String at = path + "/" + index;
            switch (kind) {
                case 0 -> {
                    array.remove(index);
                    note(edits, "removed " + at);
                }
                case 1 -> {
                    array.insert(index, array.get(index).deepCopy());
                    note(edits, "duplicated " + at);
                }
                case 2 -> {
                    array.removeAll();
                    note(edits, "emptied " + path);
                }
                case 3 -> {
                    JsonNode value = array.get(index);
                    for (int depth = 0; depth < 40; depth++) {
                        value = JSON.arrayNode().add(value);
                    }
                    array.set(index, value);
                    note(edits, "nested " + at + " 40 deep");
                }
                default -> {
                    array.set(index, replacement(array.get(index), random));
                    note(edits, "set " + at + " = " + show(array.get(index)));
                }
            }
        }
        return root;
    }

    /** A new value for {@code old}: an edge value, or for numbers and strings a near variant. */
    private static JsonNode replacement(JsonNode old, SplittableRandom random) {
        int kind = random.nextInt(4);
        if (kind == 0 && old.isNumber()) {
            return JSON.numberNode(old.doubleValue() * Math.pow(10, random.nextInt(-40, 41)));
        }
        if (kind == 1 && old.isNumber()) {
            return JSON.numberNode(-old.doubleValue());
        }
        if (kind == 0 && old.isTextual()) {
            return JSON.textNode(misspell(old.textValue(), random));
        }
        if (kind == 1 && old.isTextual() && !old.textValue().isEmpty()) {
            // a unit string scaled, e.g. "20 GB" -> "20e12 GB"
            String text = old.textValue();
            int space = text.indexOf(' ');
            return JSON.textNode(space > 0 ? text.substring(0, space) + "e" + random.nextInt(-40, 41) + text.substring(space)
                    : text + text);
        }
        return edge(random);
    }

    private static JsonNode edge(SplittableRandom random) {
        return EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size())).deepCopy();
    }

    private static String misspell(String text, SplittableRandom random) {
        if (text.isEmpty()) {
            return "x";
        }
        StringBuilder out = new StringBuilder(text);
        int at = random.nextInt(text.length());
        switch (random.nextInt(4)) {
            case 0 -> out.deleteCharAt(at);
            case 1 -> out.insert(at, (char) ('a' + random.nextInt(26)));
            case 2 -> out.setCharAt(at, (char) ('a' + random.nextInt(26)));
            default -> out.append('\u001b').append("[2J");
        }
        return out.toString();
    }

    private static byte[] damage(byte[] bytes, SplittableRandom random, StringBuilder edits) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                note(edits, "truncated at byte " + at);
                return java.util.Arrays.copyOf(bytes, at);
            }
            case 1 -> {
                note(edits, "bad UTF-8 at byte " + at);
                byte[] out = bytes.clone();
                out[at] = (byte) 0xC3;
                return out;
            }
            case 2 -> {
                note(edits, "UTF-32 byte-order mark with a bad length");
                byte[] out = new byte[bytes.length + 4];
                out[0] = 0;
                out[1] = 0;
                out[2] = (byte) 0xFE;
                out[3] = (byte) 0xFF;
                System.arraycopy(bytes, 0, out, 4, bytes.length);
                return java.util.Arrays.copyOf(out, out.length - 1 - random.nextInt(3));
            }
            case 3 -> {
                note(edits, "flipped byte " + at);
                byte[] out = bytes.clone();
                out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
                return out;
            }
            default -> {
                note(edits, "control byte at " + at);
                byte[] out = bytes.clone();
                out[at] = (byte) random.nextInt(32);
                return out;
            }
        }
    }

    private static void note(StringBuilder edits, String edit) {
        if (edits.length() > 0) {
            edits.append("; ");
        }
        edits.append(edit);
    }

    private static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
