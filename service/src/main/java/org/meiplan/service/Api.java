package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.EvaluationJson;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.InvalidInstanceException;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.io.Violation;
import org.meiplan.models.plan.Plan;

/** The endpoints under {@code /v1}: what each method and path does, in terms of the job manager. */
final class Api {
    private static final Set<String> JSON = Set.of("application/json");
    private static final Set<String> PATCHES = Set.of("application/json", "application/json-patch+json",
            "application/merge-patch+json");
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final ServiceConfig config;
    private final InstanceReader reader;
    private final JobManager jobs;
    private final byte[] openApi;
    private final Semaphore streams;
    /** Bodies read and parsed at once: bounds the heap that large requests can take together. */
    private final Semaphore bodies = new Semaphore(4, true);
    private volatile boolean closing;

    Api(ServiceConfig config, InstanceReader reader, JobManager jobs, byte[] openApi) {
        this.config = config;
        this.reader = reader;
        this.jobs = jobs;
        this.openApi = openApi.clone();
        this.streams = new Semaphore(config.maxStreams());
    }

    void close() {
        closing = true;
    }

    /** Dispatches one request; every failure becomes a JSON error. POSTs wait (up to 30 s) for one of 4 body slots. */
    void route(Exchange ex) throws IOException {
        if (!ex.method().equals("POST")) {
            dispatch(ex);
            return;
        }
        boolean admitted;
        try {
            admitted = bodies.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ApiException(429, "busy", "The server is reading other large requests; try again shortly.",
                    List.of(), Map.of("Retry-After", "1"));
        }
        try {
            dispatch(ex);
        } finally {
            bodies.release();
        }
    }

    private void dispatch(Exchange ex) throws IOException {
        String path = ex.path();
        String method = ex.method();
        List<String> parts = new ArrayList<>(List.of(path.split("/", -1)));
        if (parts.size() < 3 || !parts.get(0).isEmpty() || !parts.get(1).equals("v1")) {
            throw noEndpoint(method, path);
        }
        List<String> rest = parts.subList(2, parts.size());
        String first = rest.get(0);
        if (rest.size() == 1 && first.equals("openapi.json")) {
            allow(method, "GET");
            ex.http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.http.sendResponseHeaders(200, openApi.length);
            try (OutputStream out = ex.http.getResponseBody()) {
                out.write(openApi);
            }
        } else if (rest.size() == 1 && first.equals("health")) {
            allow(method, "GET");
            ex.send(200, Json.object().put("status", "ok").put("queued", jobs.queuedCount())
                    .put("solving", jobs.solvingCount()).put("queue", config.queue()).put("concurrent", config.concurrent()));
        } else if (rest.size() == 1 && first.equals("evaluate")) {
            allow(method, "POST");
            evaluate(ex);
        } else if (first.equals("plans") && rest.size() == 1) {
            allow(method, "GET", "POST");
            if (method.equals("POST")) {
                submit(ex);
            } else {
                list(ex);
            }
        } else if (first.equals("plans") && rest.size() == 2) {
            allow(method, "GET", "DELETE");
            Job job = jobs.get(rest.get(1));
            if (method.equals("GET")) {
                ex.send(200, jobs.document(job));
            } else {
                boolean stopping = jobs.cancel(job);
                ex.send(stopping ? 202 : 200, jobs.document(job));
            }
        } else if (first.equals("plans") && rest.size() == 3) {
            Job job = jobs.get(rest.get(1));
            switch (rest.get(2)) {
                case "plan" -> {
                    allow(method, "GET");
                    plan(ex, job);
                }
                case "events" -> {
                    allow(method, "GET");
                    events(ex, job);
                }
                case "changes" -> {
                    allow(method, "POST");
                    changes(ex, job);
                }
                default -> throw noEndpoint(method, path);
            }
        } else {
            throw noEndpoint(method, path);
        }
    }

    private static void allow(String method, String... methods) {
        for (String m : methods) {
            if (m.equals(method)) {
                return;
            }
        }
        throw new ApiException(405, "method-not-allowed", "This endpoint takes " + String.join(" or ", methods)
                + ", not " + Exchange.clip(method) + ".", List.of(), Map.of("Allow", String.join(", ", methods)));
    }

    private static ApiException noEndpoint(String method, String path) {
        return ApiException.notFound("There is no endpoint " + Exchange.clip(method) + " " + Exchange.clip(path)
                + "; the API is described at /v1/openapi.json.");
    }

    // ------------------------------------------------------------------ POST /v1/plans

    private void submit(Exchange ex) throws IOException {
        ex.requireMediaType(JSON);
        JsonNode body = ex.json("The request");
        JsonNode instanceNode = body;
        JsonNode optionsNode = null;
        String base = "";
        List<Violation> problems = new ArrayList<>();
        if (body.isObject() && body.has("instance")) {
            onlyFields(body, Set.of("instance", "options"), problems);
            instanceNode = body.get("instance");
            optionsNode = body.get("options");
            base = "/instance";
        }
        PlanOptions options = PlanOptions.read(optionsNode, "/options", config, problems);
        Instance instance = read(instanceNode, base, "The instance", problems);
        reject(problems, "The request");
        Job job = jobs.submit(instanceNode, instance, options, null, null);
        ex.send(202, jobs.document(job), Map.of("Location", "/v1/plans/" + job.id));
    }

    private void list(Exchange ex) throws IOException {
        ArrayNode list = Json.array();
        for (Job job : jobs.recent(1000)) {
            list.add(job.summary());
        }
        ex.send(200, Json.object().set("jobs", list));
    }

    // ------------------------------------------------------------------ GET /v1/plans/{id}/plan

    private void plan(Exchange ex, Job job) throws IOException {
        ObjectNode doc = jobs.document(job);
        if (!doc.path("plan").isObject()) {
            throw new ApiException(409, "no-plan", "Job " + job.id + " has no plan yet (status "
                    + doc.path("status").asText() + "); poll /v1/plans/" + job.id + " or stream its events.");
        }
        ex.send(200, doc.get("plan"));
    }

    // ------------------------------------------------------------------ GET /v1/plans/{id}/events

    /** Server-sent events: each progress event once, in order; ends after the job's final status. */
    private void events(Exchange ex, Job job) throws IOException {
        if (!streams.tryAcquire()) {
            throw new ApiException(429, "too-many-streams", "Too many progress streams are open (" + config.maxStreams()
                    + "); poll /v1/plans/" + job.id + " instead or try again later.", List.of(), Map.of("Retry-After", "5"));
        }
        try {
            long last = lastEventId(ex);
            ex.http.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.http.getResponseHeaders().set("Cache-Control", "no-store");
            ex.http.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.http.getResponseBody()) {
                if (!job.hasEvents() && job.terminal()) { // restored after a restart: its final status only
                    ObjectNode summary = job.summary();
                    ObjectNode data = Json.object().put("status", summary.get("status").asText()).put("job", job.id);
                    if (summary.has("message")) {
                        data.set("message", summary.get("message"));
                    }
                    write(out, new Job.Event(1, "status", data));
                    return;
                }
                while (!closing) {
                    List<Job.Event> events = job.eventsAfter(last, HEARTBEAT_MILLIS);
                    if (events.isEmpty()) {
                        if (job.terminal()) {
                            return;
                        }
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        continue;
                    }
                    boolean end = false;
                    for (Job.Event e : events) {
                        write(out, e);
                        last = e.id();
                        end = e.type().equals("status") && Job.Status.of(e.data().path("status").asText()).terminal();
                    }
                    out.flush();
                    if (end) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
        }
    }

    private static long lastEventId(Exchange ex) {
        String value = ex.header("Last-Event-ID");
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad-request", "Last-Event-ID \"" + Exchange.clip(value) + "\" is not an event id.");
        }
    }

    private static void write(OutputStream out, Job.Event e) throws IOException {
        String text = "id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + Json.compact(e.data()) + "\n\n";
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ POST /v1/plans/{id}/changes

    private void changes(Exchange ex, Job parent) throws IOException {
        String type = ex.requireMediaType(PATCHES);
        JsonNode body = ex.json("The change");
        JsonNode patch = body;
        JsonNode optionsNode = null;
        String base = "";
        List<Violation> problems = new ArrayList<>();
        if (type.equals("application/json") && body.isObject() && body.has("patch")) {
            onlyFields(body, Set.of("patch", "options"), problems);
            patch = body.get("patch");
            optionsNode = body.get("options");
            base = "/patch";
        } else if (type.equals("application/json-patch+json") && !body.isArray()) {
            problems.add(new Violation("", PlanOptions.show(body), "must be an array of operations (RFC 6902)",
                    "Send [{\"op\": \"replace\", \"path\": \"/...\", \"value\": ...}], or use application/merge-patch+json."));
        } else if (type.equals("application/merge-patch+json") && !body.isObject()) {
            problems.add(new Violation("", PlanOptions.show(body), "must be an object (RFC 7396)",
                    "Send the fields to change, e.g. {\"name\": \"after-handover\"}."));
        }
        reject(problems, "The change");
        Job.Status status = parent.status();
        if (status != Job.Status.DONE && status != Job.Status.CANCELLED) {
            throw new ApiException(409, "not-finished", "Job " + parent.id + " is " + status.json()
                    + "; changes apply to a job that is done or cancelled (it has a final plan).");
        }
        Instance before = jobs.instanceOf(parent);
        Plan previous = jobs.planOf(parent, before);
        JsonNode changedTree = JsonPatches.apply(jobs.instanceTreeOf(parent), patch, base);
        PlanOptions options = optionsNode != null ? PlanOptions.read(optionsNode, "/options", config, problems)
                : jobs.optionsOf(parent, problems);
        Instance changed = read(changedTree, "", "The changed instance", problems);
        reject(problems, "The change");
        Job job = jobs.submit(changedTree, changed, options, parent, previous);
        ex.send(202, jobs.document(job), Map.of("Location", "/v1/plans/" + job.id));
    }

    // ------------------------------------------------------------------ POST /v1/evaluate

    private void evaluate(Exchange ex) throws IOException {
        ex.requireMediaType(JSON);
        JsonNode body = ex.json("The request");
        List<Violation> problems = new ArrayList<>();
        if (!body.isObject() || !body.has("instance") || !body.has("plan")) {
            throw new ApiException(400, "invalid-request", "Send {\"instance\": {...}, \"plan\": {...}}.",
                    List.of(new Violation("", PlanOptions.show(body), "must be an object with instance and plan",
                            "Send {\"instance\": {...}, \"plan\": {...}}.")));
        }
        onlyFields(body, Set.of("instance", "plan"), problems);
        Instance instance = read(body.get("instance"), "/instance", "The instance", problems);
        reject(problems, "The request");
        Plan plan;
        try {
            plan = PlanJson.read(body.get("plan"), instance, "The plan");
        } catch (InvalidInstanceException e) {
            throw new ApiException(400, "invalid-plan", "The plan has " + e.violations().size() + " problem(s).",
                    prefixed(e.violations(), "/plan"));
        }
        Evaluation evaluation = new Evaluator().evaluate(instance, plan);
        ex.send(200, EvaluationJson.toJson(evaluation));
    }

    // ------------------------------------------------------------------ shared

    private Instance read(JsonNode node, String base, String what, List<Violation> problems) {
        try {
            return reader.read(node, what);
        } catch (InvalidInstanceException e) {
            problems.addAll(prefixed(e.violations(), base));
            return null;
        }
    }

    private static List<Violation> prefixed(List<Violation> violations, String base) {
        if (base.isEmpty()) {
            return violations;
        }
        List<Violation> out = new ArrayList<>();
        for (Violation v : violations) {
            out.add(new Violation(base + v.path(), v.value(), v.problem(), v.hint()));
        }
        return out;
    }

    private static void onlyFields(JsonNode body, Set<String> fields, List<Violation> problems) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!fields.contains(field)) {
                problems.add(new Violation("/" + field, null, "is not a field of this request",
                        "The fields are " + String.join(", ", fields.stream().sorted().toList()) + "."));
            }
        }
    }

    private static void reject(List<Violation> problems, String what) {
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid-input", what + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "; each is listed with its JSON path, value and a hint.",
                    problems);
        }
    }
}
