package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One HTTP request and its answer: bounded body reading, media types, the bearer token, JSON replies. */
final class Exchange {
    final HttpExchange http;
    private final long maxBodyBytes;

    Exchange(HttpExchange http, long maxBodyBytes) {
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getRawPath();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /**
     * Checks the bearer token in constant time (both sides hashed first, so neither the length nor
     * a prefix leaks); 401 when it is missing or wrong.
     */
    void authorize(byte[] tokenDigest) {
        if (tokenDigest == null) {
            return;
        }
        String value = header("Authorization");
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "This server needs a bearer token: send the header"
                    + " \"Authorization: Bearer TOKEN\" with the token in the server's --token-file.", List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"meiplan\""));
        }
        byte[] given = digest(value.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(given, tokenDigest)) {
            throw new ApiException(401, "unauthorized", "The bearer token is not this server's.", List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"meiplan\", error=\"invalid_token\""));
        }
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The media type of the body, lower case without parameters; 415 unless it is one of {@code allowed}. */
    String requireMediaType(Set<String> allowed) {
        String value = header("Content-Type");
        String type = value == null ? "" : value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(type)) {
            throw new ApiException(415, "unsupported-media-type", "The body must be sent as "
                    + String.join(" or ", allowed.stream().sorted().toList()) + ", not "
                    + (value == null ? "without a Content-Type" : "\"" + clip(value) + "\"") + ".", List.of(),
                    Map.of("Accept-Post", String.join(", ", allowed.stream().sorted().toList())));
        }
        if (value.toLowerCase(Locale.ROOT).contains("charset=")
                && !value.toLowerCase(Locale.ROOT).replace(" ", "").contains("charset=utf-8")) {
            throw new ApiException(415, "unsupported-media-type", "The body must be UTF-8 (charset=utf-8).");
        }
        return type;
    }

    /** The body as UTF-8 text, at most the configured size (413 beyond, before reading when the length is declared). */
    String body() throws IOException {
        String length = header("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad-request", "Content-Length \"" + clip(length) + "\" is not a number.");
            }
            if (declared > maxBodyBytes) {
                discard(http.getRequestBody());
                throw tooLarge(declared + " bytes");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try (InputStream in = http.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (bytes.size() + (long) n > maxBodyBytes) {
                    discard(in);
                    throw tooLarge("more than " + maxBodyBytes + " bytes");
                }
                bytes.write(buffer, 0, n);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid-json", "The body is not UTF-8 text.");
        }
    }

    /** Most bytes of a refused body read and dropped, so the client gets the 413 rather than a reset connection. */
    static final long DISCARD_BYTES = 64L << 20;

    private static void discard(InputStream in) throws IOException {
        byte[] sink = new byte[65_536];
        long dropped = 0;
        int n;
        while (dropped < DISCARD_BYTES && (n = in.read(sink)) > 0) {
            dropped += n;
        }
    }

    /** The body parsed as JSON. */
    JsonNode json(String what) throws IOException {
        return Json.parse(body(), what);
    }

    private ApiException tooLarge(String size) {
        http.getResponseHeaders().set("Connection", "close");
        return new ApiException(413, "payload-too-large", "The body (" + size + ") is larger than this server accepts ("
                + maxBodyBytes + " bytes); split the instance or start the server with a larger --max-body.");
    }

    void send(int status, JsonNode body) throws IOException {
        send(status, body, Map.of());
    }

    void send(int status, JsonNode body, Map<String, String> headers) throws IOException {
        byte[] bytes = (Json.compact(body) + "\n").getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> http.getResponseHeaders().set(k, v));
        http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (method().equals("HEAD")) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    void sendError(ApiException e) throws IOException {
        send(e.status(), Json.error(e), e.headers());
    }

    static String clip(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        StringBuilder safe = new StringBuilder();
        for (char c : shown.toCharArray()) {
            safe.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return safe.toString();
    }
}
