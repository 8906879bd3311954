package org.meiplan.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Size;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.EvaluationJson;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.InvalidInstanceException;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Plan;
import org.meiplan.solvers.plan.PlanReport;
import org.meiplan.solvers.plan.Planner;

/** The service over real HTTP (the JDK's HttpClient): jobs, streams, stops, changes, evaluation, restarts. */
class PlanningServiceTest {
    private final List<PlanningService> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(PlanningService::close);
    }

    private Client start(ServiceConfig config) throws Exception {
        PlanningService service = PlanningService.start(config.withPort(0));
        started.add(service);
        String token = config.token() == null ? null : new String(config.token(), StandardCharsets.UTF_8);
        return new Client(service.uri(), token);
    }

    private static ObjectNode request(String instance, String options) throws Exception {
        ObjectNode body = Client.MAPPER.createObjectNode();
        body.set("instance", Client.MAPPER.readTree(instance));
        body.set("options", Client.MAPPER.readTree(options));
        return body;
    }

    private static InstanceReader reader() {
        return new InstanceReader(BuiltinCatalog.instance());
    }

    @Test
    void aSubmittedJobIsQueuedSolvedStreamedAndEvaluated() throws Exception {
        Client client = start(ServiceConfig.defaults());
        Client.Reply accepted = client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 20, \"seed\": 2}"));
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/v1/plans/" + id);
        assertThat(accepted.json().get("status").asText()).isIn("queued", "solving");

        List<Client.Event> events = client.events(id, null);
        JsonNode done = client.await(id);
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("provisional").booleanValue()).isFalse();
        assertThat(done.get("feasible").booleanValue()).isTrue();
        // the caches come from the caching stage, or from the serving stage when the planner keeps the joint
        // caching+serving composition (on edge-tiny it does under the load-dependent serving model)
        assertThat(done.get("stages")).extracting(s -> s.get("stage").asText()).contains("serving", "training");
        assertThat(done.get("plan").get("caching")).isNotEmpty();
        for (JsonNode stage : done.get("stages")) {
            assertThat(stage.has("objective") && stage.has("bound") && stage.has("gap")).isTrue();
        }
        assertThat(done.get("joint").get("bound").asDouble()).isGreaterThanOrEqualTo(done.get("joint").get("objective").asDouble() - 1e-9);

        // The stream: ids 1, 2, 3 ... in order, one stage-finished per stage solve of every pass, last the final status.
        assertThat(events).isNotEmpty();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1L);
        }
        assertThat(events.get(0).type()).isEqualTo("status");
        assertThat(events.get(0).data().get("status").asText()).isEqualTo("solving");
        Client.Event last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo("status");
        assertThat(last.data().get("status").asText()).isEqualTo("done");
        assertThat(events).filteredOn(e -> e.type().equals("stage-finished")).extracting(e -> e.data().get("stage").asText())
                .contains("caching", "serving", "training");
        assertThat(events).filteredOn(e -> e.type().equals("plan")).isNotEmpty();
        // Resuming after an event id gives only the later events.
        List<Client.Event> resumed = client.events(id, 3L);
        assertThat(resumed).extracting(Client.Event::id).containsExactlyElementsOf(
                events.stream().map(Client.Event::id).filter(n -> n > 3).toList());

        // The plan endpoint serves the plan file; the evaluator agrees with the job's evaluation.
        Client.Reply plan = client.get("/v1/plans/" + id + "/plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.json()).isEqualTo(done.get("plan"));
        Instance instance = reader().read(Client.edgeTiny());
        Plan read = PlanJson.read(plan.text(), instance);
        ObjectNode evaluateBody = Client.MAPPER.createObjectNode();
        evaluateBody.set("instance", Client.MAPPER.readTree(Client.edgeTiny()));
        evaluateBody.set("plan", plan.json());
        Client.Reply evaluation = client.post("/v1/evaluate", evaluateBody);
        assertThat(evaluation.status()).isEqualTo(200);
        assertThat(evaluation.json()).isEqualTo(Client.MAPPER.readTree(
                EvaluationJson.toString(new Evaluator().evaluate(instance, read))));
        assertThat(evaluation.json().get("feasible").booleanValue()).isTrue();

        Client.Reply list = client.get("/v1/plans");
        assertThat(list.json().get("jobs")).extracting(j -> j.get("id").asText()).contains(id);
    }

    @Test
    void aChangeIsAWarmReplanWithItsDiffAndEqualsThePlannersReplan() throws Exception {
        Client client = start(ServiceConfig.defaults());
        String options = "{\"timeLimit\": 20, \"seed\": 1}";
        String id = client.post("/v1/plans", request(Client.edgeTiny(), options)).json().get("id").asText();
        JsonNode parent = client.await(id);
        assertThat(parent.get("status").asText()).isEqualTo("done");

        // Not finished yet, unknown job, bad patch: 409, 404, 400.
        String patch = "[{\"op\": \"replace\", \"path\": \"/topology/users/0/position\", \"value\": [900, 700]},"
                + " {\"op\": \"replace\", \"path\": \"/workload/requests/1/rate\", \"value\": \"30 /min\"}]";
        Client.Reply badPointer = client.post("/v1/plans/" + id + "/changes", "application/json-patch+json",
                "[{\"op\": \"replace\", \"path\": \"/topology/usres/0\", \"value\": 1}]");
        assertThat(badPointer.status()).isEqualTo(400);
        assertThat(badPointer.json().at("/error/code").asText()).isEqualTo("invalid-patch");
        assertThat(badPointer.json().at("/error/violations/0/path").asText()).isEqualTo("/0/path");
        Client.Reply badValue = client.post("/v1/plans/" + id + "/changes", "application/json-patch+json",
                "[{\"op\": \"replace\", \"path\": \"/topology/users/0/position\", \"value\": \"far away\"}]");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().at("/error/violations/0/path").asText()).startsWith("/topology/users/0/position");

        Client.Reply accepted = client.post("/v1/plans/" + id + "/changes", "application/json-patch+json", patch);
        assertThat(accepted.status()).isEqualTo(202);
        String child = accepted.json().get("id").asText();
        assertThat(accepted.json().get("kind").asText()).isEqualTo("replan");
        assertThat(accepted.json().get("parent").asText()).isEqualTo(id);
        JsonNode replanned = client.await(child);
        assertThat(replanned.get("status").asText()).isEqualTo("done");
        assertThat(replanned.get("diff")).isNotNull();

        // The same replan through the Java API gives the same plan (timings aside).
        Instance before = reader().read(Client.edgeTiny());
        Plan previous = PlanJson.read(Client.MAPPER.writeValueAsString(parent.get("plan")), before);
        JsonNode changedTree = JsonPatches.apply(Client.MAPPER.readTree(Client.edgeTiny()), Client.MAPPER.readTree(patch), "");
        Instance changed = reader().read(changedTree, "changed");
        PlanReport direct = Planner.builder().timeLimitSeconds(20).seed(1).build().replan(previous, changed);
        assertThat(withoutTimings(replanned.get("plan"))).isEqualTo(withoutTimings(PlanJson.toJson(direct.plan())));
        assertThat(withoutTimings(replanned.get("diff"))).isEqualTo(withoutTimings(JobJson.diff(
                org.meiplan.models.plan.PlanDiff.between(previous, direct.plan(), changed))));
        assertThat(replanned.get("diff").get("empty").booleanValue()).isFalse();

        // A merge patch (RFC 7396) works too, and a change of a change chains.
        Client.Reply merged = client.post("/v1/plans/" + child + "/changes", "application/merge-patch+json",
                "{\"name\": \"edge-tiny-renamed\"}");
        assertThat(merged.status()).isEqualTo(202);
        JsonNode third = client.await(merged.json().get("id").asText());
        assertThat(third.get("status").asText()).isEqualTo("done");
        assertThat(third.at("/plan/instance").asText()).isEqualTo("edge-tiny-renamed");
    }

    @Test
    void deleteStopsASolvingJobAndKeepsItsBestPlanAndCancelsAQueuedOneAtOnce() throws Exception {
        Client client = start(ServiceConfig.defaults().withQueue(4, 1));
        String small = ScenarioGenerator.generate("virtual-assistant", Size.SMALL, 3).instance().toString();
        String running = client.post("/v1/plans", request(small, "{\"timeLimit\": 120}")).json().get("id").asText();
        String waiting = client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 5}")).json().get("id").asText();
        client.awaitStarted(running);

        Client.Reply stopQueued = client.delete("/v1/plans/" + waiting);
        assertThat(stopQueued.status()).isEqualTo(202);
        assertThat(stopQueued.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(stopQueued.json().get("plan").isNull()).isTrue();

        Client.Reply stop = client.delete("/v1/plans/" + running);
        assertThat(stop.status()).isEqualTo(202);
        JsonNode stopped = client.await(running);
        assertThat(stopped.get("status").asText()).isEqualTo("cancelled");
        assertThat(stopped.get("message").asText()).contains("Stopped on request");
        assertThat(stopped.get("plan").isObject()).isTrue();
        assertThat(stopped.get("evaluation").isObject()).isTrue();
        assertThat(Double.parseDouble(stopped.get("joint").get("seconds").asText())).isLessThan(120);
        // Stopping again changes nothing.
        Client.Reply again = client.delete("/v1/plans/" + running);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        Client client = start(ServiceConfig.defaults().withQueue(0, 1));
        String small = ScenarioGenerator.generate("virtual-assistant", Size.SMALL, 4).instance().toString();
        String first = client.post("/v1/plans", request(small, "{\"timeLimit\": 60}")).json().get("id").asText();
        Client.Reply refused = client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 5}"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("queue-full");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        client.delete("/v1/plans/" + first);
        client.await(first);
        assertThat(client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 5}")).status()).isEqualTo(202);
    }

    @Test
    void afterARestartFinishedJobsAreServedAndUnfinishedOnesAreMarkedFailed(@TempDir Path data) throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withDataDir(data).withQueue(4, 1);
        Client client = start(config);
        String finished = client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 20}")).json().get("id").asText();
        JsonNode done = client.await(finished);
        String small = ScenarioGenerator.generate("virtual-assistant", Size.SMALL, 5).instance().toString();
        String running = client.post("/v1/plans", request(small, "{\"timeLimit\": 120}")).json().get("id").asText();
        String queued = client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 20}")).json().get("id").asText();
        client.awaitStarted(running);
        started.remove(0).close();

        Client again = start(config);
        Client.Reply served = again.get("/v1/plans/" + finished);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json().get("status").asText()).isEqualTo("done");
        assertThat(served.json().get("plan")).isEqualTo(done.get("plan"));
        assertThat(again.get("/v1/plans/" + finished + "/plan").json()).isEqualTo(done.get("plan"));
        JsonNode interrupted = again.get("/v1/plans/" + queued).json();
        assertThat(interrupted.get("status").asText()).isEqualTo("failed");
        assertThat(interrupted.get("message").asText()).contains("stopped before this job finished", "submit it again");
        // A job solving at the stop keeps its best plan when the planner stops within the grace period, else it is failed.
        JsonNode stoppedWhileSolving = again.get("/v1/plans/" + running).json();
        if (stoppedWhileSolving.get("status").asText().equals("cancelled")) {
            assertThat(stoppedWhileSolving.get("message").asText()).contains("service was stopped");
            assertThat(stoppedWhileSolving.get("plan").isObject()).isTrue();
        } else {
            assertThat(stoppedWhileSolving.get("status").asText()).isEqualTo("failed");
            assertThat(stoppedWhileSolving.get("message").asText()).contains("stopped before this job finished");
        }
        List<Client.Event> events = again.events(finished, null);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).data().get("status").asText()).isEqualTo("done");
        // A restored job takes changes: its instance and plan come back from disk.
        Client.Reply change = again.post("/v1/plans/" + finished + "/changes", "application/merge-patch+json",
                "{\"name\": \"after-restart\"}");
        assertThat(change.status()).isEqualTo(202);
        assertThat(again.await(change.json().get("id").asText()).get("status").asText()).isEqualTo("done");
        // Nothing half-written is left behind, and no response names the data directory.
        try (var files = Files.walk(data)) {
            assertThat(files.map(Path::toString).filter(p -> p.endsWith(".tmp"))).isEmpty();
        }
        assertThat(served.text()).doesNotContain(data.toString());
    }

    @Test
    void badInputGetsTheDocumented4xxWithAJsonErrorNeverA500() throws Exception {
        Client client = start(ServiceConfig.defaults().withLimits(200_000, 300, 100));
        // Malformed JSON.
        Client.Reply malformed = client.post("/v1/plans", "application/json", "{\"instance\": {\"meiplan\": \"1\",");
        expectError(malformed, 400, "invalid-json");
        assertThat(malformed.json().at("/error/message").asText()).contains("line 1");
        expectError(client.post("/v1/plans", "application/json", ""), 400, "invalid-json");
        expectError(client.post("/v1/plans", "application/json", "[1, 2] 3"), 400, "invalid-json");
        // Wrong content type, or none.
        expectError(client.post("/v1/plans", "text/plain", Client.edgeTiny()), 415, "unsupported-media-type");
        expectError(client.send(client.request("/v1/plans").POST(HttpRequest.BodyPublishers.ofString("{}")).build()),
                415, "unsupported-media-type");
        expectError(client.post("/v1/plans", "application/json; charset=latin1", "{}"), 415, "unsupported-media-type");
        // Oversize bodies, declared or streamed.
        String big = "{\"pad\": \"" + "x".repeat(300_000) + "\"}";
        expectError(client.post("/v1/plans", "application/json", big), 413, "payload-too-large");
        expectError(client.send(client.request("/v1/plans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build()), 413, "payload-too-large");
        // Unknown ids and endpoints, wrong methods.
        expectError(client.get("/v1/plans/00000000-0000-0000-0000-000000000000"), 404, "not-found");
        expectError(client.get("/v1/plans/..%2F..%2Fetc%2Fpasswd"), 404, "not-found");
        expectError(client.get("/v1/plans/nope/events"), 404, "not-found");
        expectError(client.delete("/v1/plans/nope"), 404, "not-found");
        expectError(client.get("/v1/nothing"), 404, "not-found");
        expectError(client.get("/"), 404, "not-found");
        Client.Reply method = client.send(client.request("/v1/evaluate").GET().build());
        expectError(method, 405, "method-not-allowed");
        assertThat(method.header("Allow")).isEqualTo("POST");
        // Bad options and a bad instance: every problem with its path, value and hint.
        Client.Reply options = client.post("/v1/plans", request(Client.edgeTiny(),
                "{\"timeLimit\": 9999, \"stages\": [\"cachin\"], \"seed\": 1.5, \"speed\": 1}"));
        expectError(options, 400, "invalid-input");
        assertThat(options.json().at("/error/violations")).extracting(v -> v.get("path").asText())
                .containsExactlyInAnyOrder("/options/timeLimit", "/options/stages/0", "/options/seed", "/options/speed");
        // An algorithm no stage has: refused at the door, not a failed job.
        Client.Reply algorithm = client.post("/v1/plans", request(Client.edgeTiny(), "{\"algorithm\": {\"caching\": \"magic\"}}"));
        expectError(algorithm, 400, "invalid-input");
        assertThat(algorithm.json().at("/error/violations/0/problem").asText()).contains("magic");
        // Evaluate without a plan, with a broken plan.
        expectError(client.post("/v1/evaluate", "application/json", "{\"instance\": {}}"), 400, "invalid-request");
        ObjectNode brokenPlan = Client.MAPPER.createObjectNode();
        brokenPlan.set("instance", Client.MAPPER.readTree(Client.edgeTiny()));
        brokenPlan.set("plan", Client.MAPPER.readTree("{\"meiplanPlan\": \"1\", \"serving\": [{\"request\": \"r1\", \"mode\": \"teleport\"}]}"));
        Client.Reply plan = client.post("/v1/evaluate", brokenPlan);
        expectError(plan, 400, "invalid-plan");
        assertThat(plan.json().at("/error/violations/0/path").asText()).startsWith("/plan/serving/0");
        // Last-Event-ID that is not a number.
        String id = client.post("/v1/plans", request(Client.edgeTiny(), "{\"timeLimit\": 5}")).json().get("id").asText();
        expectError(client.send(client.request("/v1/plans/" + id + "/events").header("Last-Event-ID", "x").GET().build()),
                400, "bad-request");
        expectError(client.get("/v1/plans/" + id + "/changes"), 405, "method-not-allowed");
        client.await(id);
    }

    @Test
    void aBadInstanceGetsTheSameViolationsAsValidate() throws Exception {
        Client client = start(ServiceConfig.defaults());
        ObjectNode instance = (ObjectNode) Client.MAPPER.readTree(Client.edgeTiny());
        ((ObjectNode) instance.at("/topology/users/0")).put("device", "iphone-99");
        ((ObjectNode) instance.at("/topology/sites/0")).put("storage", "20 parsecs");
        ((ObjectNode) instance.at("/workload/requests/0")).put("colour", "blue");
        List<org.meiplan.models.io.Violation> expected;
        try {
            reader().read(instance.toString());
            throw new AssertionError("the instance should be invalid");
        } catch (InvalidInstanceException e) {
            expected = e.violations();
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        // A bare instance: the same paths as validate; inside a request: under /instance.
        Client.Reply bare = client.post("/v1/plans", instance);
        expectError(bare, 400, "invalid-input");
        assertThat(bare.json().at("/error/violations")).isEqualTo(Json.violations(expected));
        ObjectNode wrapped = Client.MAPPER.createObjectNode();
        wrapped.set("instance", instance);
        Client.Reply inside = client.post("/v1/plans", wrapped);
        expectError(inside, 400, "invalid-input");
        ArrayNode paths = (ArrayNode) inside.json().at("/error/violations");
        for (int i = 0; i < expected.size(); i++) {
            assertThat(paths.get(i).get("path").asText()).isEqualTo("/instance" + expected.get(i).path());
            assertThat(paths.get(i).get("hint").asText()).isEqualTo(expected.get(i).hint());
        }
    }

    @Test
    void withATokenEveryRequestNeedsIt() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withToken("s3cret-token-0123456789".getBytes(StandardCharsets.UTF_8));
        Client client = start(config);
        Client anonymous = new Client(client.base, null);
        Client wrong = new Client(client.base, "s3cret-token-0123456788");
        Client.Reply missing = anonymous.get("/v1/health");
        expectError(missing, 401, "unauthorized");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        expectError(wrong.get("/v1/health"), 401, "unauthorized");
        expectError(new Client(client.base, "").get("/v1/plans"), 401, "unauthorized");
        // Checked before the body is read or the path resolved.
        expectError(anonymous.post("/v1/plans", "application/json", "not json"), 401, "unauthorized");
        expectError(anonymous.get("/v1/plans/00000000-0000-0000-0000-000000000000"), 401, "unauthorized");
        assertThat(client.get("/v1/health").status()).isEqualTo(200);
        assertThat(client.get("/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsServedAndNamesEveryEndpoint() throws Exception {
        Client client = start(ServiceConfig.defaults());
        Client.Reply doc = client.get("/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).startsWith("3.");
        assertThat(doc.json().get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder("/v1/plans",
                "/v1/plans/{id}", "/v1/plans/{id}/plan", "/v1/plans/{id}/events", "/v1/plans/{id}/changes",
                "/v1/evaluate", "/v1/health", "/v1/openapi.json");
        // The shipped copy in docs is the served one.
        assertThat(doc.text().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(Files.readAllBytes(Client.root().resolve("docs/service-openapi.json")));
    }

    private static void expectError(Client.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().at("/error/status").asInt()).isEqualTo(status);
        assertThat(reply.json().at("/error/code").asText()).isEqualTo(code);
        assertThat(reply.json().at("/error/message").asText()).isNotBlank();
        assertThat(reply.text()).doesNotContain("Exception", "\tat ", "org.meiplan", "/tmp/", "/work/");
    }

    /** A plan tree without the solves' timings (which differ between two runs of the same plan). */
    static JsonNode withoutTimings(JsonNode plan) {
        ObjectNode copy;
        try {
            copy = (ObjectNode) Client.MAPPER.readTree(Client.MAPPER.writeValueAsString(plan)); // one node type per number
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (JsonNode solve : copy.has("solves") ? copy.withArray("solves") : Client.MAPPER.createArrayNode()) {
            ((ObjectNode) solve).remove(List.of("buildSeconds", "solveSeconds", "decodeSeconds"));
        }
        return copy;
    }
}
