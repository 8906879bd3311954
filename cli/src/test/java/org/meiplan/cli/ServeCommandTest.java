package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Size;

/**
 * {@code meiplan serve} end to end with the JDK's HttpClient: submit, poll, stream, cancel, change
 * and evaluate; the served plan equals {@code meiplan solve}'s with the same seed and options.
 */
class ServeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A running {@code meiplan serve} in this JVM; closing it interrupts the command, which stops the service. */
    static final class Served implements AutoCloseable {
        final Thread thread;
        final URI base;
        final AtomicInteger code = new AtomicInteger(-1);
        final StringWriter err = new StringWriter();

        Served(String... args) throws InterruptedException {
            StringWriter out = new StringWriter();
            List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
            all.addAll(List.of(args));
            thread = new Thread(() -> code.set(Meiplan.run(all.toArray(String[]::new), new PrintWriter(out, true),
                    new PrintWriter(err, true))), "serve-under-test");
            thread.start();
            Pattern listening = Pattern.compile("listening on (http://\\S+) ");
            long until = System.nanoTime() + 60_000_000_000L;
            Matcher m = listening.matcher("");
            while (System.nanoTime() < until && !(m = listening.matcher(out.toString())).find()) {
                if (!thread.isAlive()) {
                    throw new AssertionError("serve ended: " + err);
                }
                Thread.sleep(20);
            }
            base = URI.create(m.group(1));
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(URI uri, String type, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return MAPPER.readTree(r.body());
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private JsonNode await(URI base, String id) throws IOException, InterruptedException {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode job = get(base.resolve("/v1/plans/" + id));
            if (List.of("done", "cancelled", "failed").contains(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static String request(String instance, String options) {
        return "{\"instance\": " + instance + ", \"options\": " + options + "}";
    }

    @Test
    void submitPollStreamCancelChangeAndEvaluateAndThePlanEqualsSolve(@TempDir Path dir) throws Exception {
        String instance = Files.readString(Path.of(MeiplanCliTest.INSTANCE));
        try (Served served = new Served("--data", dir.resolve("data").toString(), "--queue", "4", "--concurrent", "1")) {
            URI base = served.base;
            assertThat(base.getHost()).isEqualTo("127.0.0.1");

            // Submit, stream until the end, poll.
            JsonNode accepted = post(base.resolve("/v1/plans"), "application/json",
                    request(instance, "{\"timeLimit\": 30, \"seed\": 7, \"objective\": {\"inference\": 1, \"training\": 0.5}}"), 202);
            String id = accepted.get("id").asText();
            HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(
                    base.resolve("/v1/plans/" + id + "/events")).GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            List<String> lines = stream.body().toList();
            assertThat(lines).contains("event: stage-finished", "event: plan");
            assertThat(lines.get(lines.size() - 2)).contains("\"status\":\"done\"");
            JsonNode job = await(base, id);
            assertThat(job.get("status").asText()).isEqualTo("done");

            // The same instance, seed and options through `meiplan solve`: the same plan, timings aside.
            Path solved = dir.resolve("solved.plan.json");
            MeiplanCliTest.Result solve = MeiplanCliTest.run("solve", MeiplanCliTest.INSTANCE, "--time-limit", "30",
                    "--seed", "7", "--objective", "inference=1,training=0.5", "-q", "-o", solved.toString());
            assertThat(solve.code()).as(solve.err()).isEqualTo(ExitCode.OK);
            JsonNode served1 = get(base.resolve("/v1/plans/" + id + "/plan"));
            assertThat(withoutTimings(served1)).isEqualTo(withoutTimings(MAPPER.readTree(Files.readString(solved))));

            // Evaluate: the same as `meiplan evaluate --json`.
            Path planFile = dir.resolve("served.plan.json");
            Files.writeString(planFile, served1.toString());
            MeiplanCliTest.Result evaluate = MeiplanCliTest.run("evaluate", "--json", MeiplanCliTest.INSTANCE, planFile.toString());
            JsonNode evaluation = post(base.resolve("/v1/evaluate"), "application/json",
                    "{\"instance\": " + instance + ", \"plan\": " + served1 + "}", 200);
            assertThat(evaluation).isEqualTo(MAPPER.readTree(evaluate.out()));

            // Change: a user moves, a rate changes; the replan is warm and reports what moved.
            JsonNode change = post(base.resolve("/v1/plans/" + id + "/changes"), "application/json-patch+json",
                    "[{\"op\": \"replace\", \"path\": \"/topology/users/1/position\", \"value\": [400, 300]},"
                    + " {\"op\": \"replace\", \"path\": \"/workload/requests/0/rate\", \"value\": \"40 /min\"}]", 202);
            JsonNode replanned = await(base, change.get("id").asText());
            assertThat(replanned.get("status").asText()).isEqualTo("done");
            assertThat(replanned.get("kind").asText()).isEqualTo("replan");
            assertThat(replanned.get("parent").asText()).isEqualTo(id);
            assertThat(replanned.get("diff").isObject()).isTrue();
            assertThat(replanned.get("stages")).anySatisfy(s -> assertThat(s.get("solver").asText()).isEqualTo("kept-previous"));

            // Cancel a long job while it solves: it keeps its best plan.
            String small = ScenarioGenerator.generate("virtual-assistant", Size.SMALL, 11).instance().toString();
            String longId = post(base.resolve("/v1/plans"), "application/json", request(small, "{\"timeLimit\": 120}"), 202)
                    .get("id").asText();
            while (get(base.resolve("/v1/plans/" + longId)).get("status").asText().equals("queued")) {
                Thread.sleep(10);
            }
            HttpResponse<String> stop = send(HttpRequest.newBuilder(base.resolve("/v1/plans/" + longId)).DELETE());
            assertThat(stop.statusCode()).isEqualTo(202);
            JsonNode cancelled = await(base, longId);
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            assertThat(cancelled.get("plan").isObject()).isTrue();
        }
    }

    @Test
    void serveRefusesBadOptionsWithExitCodeTwo(@TempDir Path dir) throws Exception {
        MeiplanCliTest.Result port = MeiplanCliTest.run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(port.err()).contains("--port 70000");
        Path empty = Files.writeString(dir.resolve("token"), "  \n");
        MeiplanCliTest.Result token = MeiplanCliTest.run("serve", "--port", "0", "--token-file", empty.toString());
        assertThat(token.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(token.err()).contains("is empty");
        MeiplanCliTest.Result queue = MeiplanCliTest.run("serve", "--port", "0", "--concurrent", "0");
        assertThat(queue.code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void withATokenFileRequestsNeedTheBearerToken(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef-token\n");
        try (Served served = new Served("--token-file", token.toString())) {
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(served.base.resolve("/v1/health")).GET());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(MAPPER.readTree(anonymous.body()).at("/error/code").asText()).isEqualTo("unauthorized");
            HttpResponse<String> bearer = send(HttpRequest.newBuilder(served.base.resolve("/v1/health"))
                    .header("Authorization", "Bearer 0123456789abcdef-token").GET());
            assertThat(bearer.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenWarns() throws Exception {
        try (Served served = new Served("--bind", "0.0.0.0")) {
            assertThat(served.err.toString()).contains("warning", "without --token-file");
            HttpResponse<String> health = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + served.base.getPort() + "/v1/health")).GET());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        try (Served local = new Served()) {
            assertThat(local.err.toString()).doesNotContain("warning");
        }
    }

    static JsonNode withoutTimings(JsonNode plan) throws IOException {
        ObjectNode copy = (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(plan));
        for (JsonNode solve : copy.withArray("solves")) {
            ((ObjectNode) solve).remove(List.of("buildSeconds", "solveSeconds", "decodeSeconds"));
        }
        return copy;
    }
}
