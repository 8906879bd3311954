package org.meiplan.models.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Parses a JSON document within {@link Limits}: the byte size is checked before reading, and a
 * document of {@link Limits#PRESCAN_BYTES} or more is first streamed once, counting tokens and
 * array entries, so that a huge or hostile file is refused in constant memory before its tree
 * is built. Syntax and encoding errors become violations that name the file.
 *
 * <p>Running time O(document) for the scan; memory O(nesting).
 */
final class BoundedJson {

    /** Makes the exception for a document: {@link InvalidInstanceException} or {@link InvalidPlanException}. */
    interface Failure extends BiFunction<String, List<Violation>, InvalidInstanceException> {
    }

    private final ObjectMapper mapper;
    private final Limits limits;
    private final Failure failure;

    BoundedJson(ObjectMapper mapper, Limits limits, Failure failure) {
        this.mapper = mapper;
        this.limits = limits;
        this.failure = failure;
    }

    /** Reads the tree of {@code file}; {@code what} names it in errors. */
    JsonNode read(Path file) throws IOException {
        String what = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(what, null, "no such file");
        }
        if (size > limits.maxDocumentBytes()) {
            throw failure.apply(what, List.of(new Violation("", size + " bytes",
                    "is larger than the limit of " + limits.maxDocumentBytes() + " bytes",
                    "Split the input, or raise the reader's limits (Limits.maxDocumentBytes).")));
        }
        if (!Files.isRegularFile(file)) {
            // A pipe or device can be read only once: take at most the limit into memory, then check it.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxDocumentBytes() + 1));
            }
            if (bytes.length > limits.maxDocumentBytes()) {
                throw failure.apply(what, List.of(new Violation("", "more than " + limits.maxDocumentBytes() + " bytes",
                        "is larger than the limit of " + limits.maxDocumentBytes() + " bytes",
                        "Split the input, or raise the reader's limits (Limits.maxDocumentBytes).")));
            }
            try {
                if (needsScan(bytes.length)) {
                    scan(mapper.getFactory().createParser(bytes), what);
                }
                return mapper.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw syntaxError(what, e);
            } catch (CharConversionException e) {
                throw encodingError(what, e);
            }
        }
        if (needsScan(size)) {
            try (InputStream in = Files.newInputStream(file)) {
                scan(mapper.getFactory().createParser(in), what);
            } catch (JsonProcessingException e) {
                throw syntaxError(what, e);
            } catch (CharConversionException e) {
                throw encodingError(what, e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw syntaxError(what, e);
        } catch (CharConversionException e) {
            throw encodingError(what, e);
        }
    }

    /** Reads the tree of JSON text; {@code what} names it in errors. */
    JsonNode read(String json, String what) {
        if (json.length() > limits.maxDocumentBytes()) {
            throw failure.apply(what, List.of(new Violation("", json.length() + " characters",
                    "is larger than the limit of " + limits.maxDocumentBytes() + " characters",
                    "Split the input, or raise the reader's limits (Limits.maxDocumentBytes).")));
        }
        try {
            if (needsScan(json.length())) {
                scan(mapper.getFactory().createParser(json), what);
            }
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(what, e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The most entries of any list an input may hold. */
    private long maxArray() {
        return Math.max(Math.max(limits.maxUsers(), limits.maxRequests()),
                Math.max(Math.max(limits.maxSites() * 16L, limits.maxJobs()), limits.maxVariants()));
    }

    /**
     * Whether a document of {@code size} bytes or characters could break the token or array
     * limits, or is large enough that its tree is worth a streaming pass first (every token
     * takes at least one byte, every array entry two).
     */
    private boolean needsScan(long size) {
        return size >= Limits.PRESCAN_BYTES || size > limits.maxTokens() || size > 2 * maxArray();
    }

    /** Streams every token once: at most {@link Limits#maxTokens} of them, no array longer than any list limit. */
    private void scan(JsonParser parser, String what) throws IOException {
        long maxArray = maxArray();
        try (parser) {
            long tokens = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                tokens++;
                if (tokens > limits.maxTokens()) {
                    throw failure.apply(what, List.of(new Violation(parser.getParsingContext().pathAsPointer().toString(),
                            null, "the document has more than " + limits.maxTokens() + " JSON tokens (names, values and"
                                    + " brackets); this is where the count ran out",
                            "Split the input, or raise the reader's limits (Limits.maxTokens).")));
                }
                if (token.isScalarValue() || token.isStructStart()) {
                    var context = parser.getParsingContext();
                    var parent = token.isStructStart() ? context.getParent() : context;
                    if (parent != null && parent.inArray() && parent.getCurrentIndex() >= maxArray) {
                        String path = parent.pathAsPointer().toString();
                        throw failure.apply(what, List.of(new Violation(path, null,
                                "is an array of more than " + maxArray + " entries, more than any list of an input may"
                                        + " hold", "Split the input, or raise the reader's limits.")));
                    }
                }
            }
        }
    }

    InvalidInstanceException syntaxError(String what, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return failure.apply(what, List.of(new Violation("", null,
                "is not valid JSON" + where + ": " + e.getOriginalMessage(),
                "Check for a missing comma, quote or bracket near that place.")));
    }

    InvalidInstanceException encodingError(String what, CharConversionException e) {
        return failure.apply(what, List.of(new Violation("", null,
                "is not valid UTF-8, UTF-16 or UTF-32 text: " + e.getMessage(),
                "Save the file as UTF-8.")));
    }
}
