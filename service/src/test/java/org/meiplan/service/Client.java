package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A test client over the JDK's HttpClient: JSON in, JSON out, every response checked to be JSON. */
final class Client {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final URI base;
    final String token;

    Client(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    record Reply(int status, JsonNode json, String text, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/json")) {
            json = MAPPER.readTree(r.body());
        }
        return new Reply(r.statusCode(), json, r.body(), r);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply post(String path, JsonNode body) throws IOException, InterruptedException {
        return post(path, "application/json", MAPPER.writeValueAsString(body));
    }

    /** Polls until the job is done, cancelled or failed. */
    JsonNode await(String id) throws IOException, InterruptedException {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            Reply r = get("/v1/plans/" + id);
            String status = r.json().path("status").asText();
            if (status.equals("done") || status.equals("cancelled") || status.equals("failed")) {
                return r.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** Polls until the job has left the queue. */
    void awaitStarted(String id) throws IOException, InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            if (!get("/v1/plans/" + id).json().path("status").asText().equals("queued")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " never left the queue");
    }

    /** A server-sent event. */
    record Event(long id, String type, JsonNode data) {
    }

    /** Reads a whole event stream (it ends after the job's final status). */
    List<Event> events(String id, Long lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder b = request("/v1/plans/" + id + "/events").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        HttpResponse<java.util.stream.Stream<String>> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new AssertionError("events: HTTP " + r.statusCode());
        }
        List<Event> events = new ArrayList<>();
        long[] eid = {0};
        String[] type = {null};
        r.body().forEach(line -> {
            if (line.startsWith("id: ")) {
                eid[0] = Long.parseLong(line.substring(4));
            } else if (line.startsWith("event: ")) {
                type[0] = line.substring(7);
            } else if (line.startsWith("data: ")) {
                try {
                    events.add(new Event(eid[0], type[0], MAPPER.readTree(line.substring(6))));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
        return events;
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("datasets/instances"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    static String edgeTiny() throws IOException {
        return Files.readString(root().resolve("datasets/instances/edge-tiny.json"));
    }
}
