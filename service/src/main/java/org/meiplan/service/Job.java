package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.PlanDiff;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.math.Cancellation;
import org.meiplan.solvers.plan.PlanReport;

/**
 * One planning job and what is known about it: status, the stages finished so far, the latest
 * complete plan of a pass, the final report, and the progress events in order. Thread-safe: the
 * planning thread writes, HTTP threads read; waiters on the job's monitor hear every change.
 */
final class Job {

    /** Where a job is. */
    enum Status {
        QUEUED, SOLVING, DONE, CANCELLED, FAILED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean terminal() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }

        static Status of(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT));
        }
    }

    /** A progress event; {@code id} counts from 1 within the job. */
    record Event(long id, String type, ObjectNode data) {
    }

    /** The latest complete plan from a pass, with the evaluator's verdict and the joint objective. */
    record Provisional(Plan plan, Evaluation evaluation, double jointObjective) {
    }

    final String id;
    final String kind;
    final String parent;
    final PlanOptions options;
    final Instant submitted;
    final Cancellation cancellation = new Cancellation();

    private JsonNode instanceTree;
    private Status status = Status.QUEUED;
    private Instant started;
    private Instant finished;
    private String message = "";
    private final List<StageSolve> stagesSoFar = new ArrayList<>();
    private ObjectNode progress;
    private Provisional provisional;
    private PlanReport report;
    private PlanDiff diff;
    private String stopReason;
    private boolean onDisk;
    private final List<Event> events = new ArrayList<>();

    Job(String id, String kind, String parent, PlanOptions options, Instant submitted, JsonNode instanceTree) {
        this.id = id;
        this.kind = kind;
        this.parent = parent;
        this.options = options;
        this.submitted = submitted;
        this.instanceTree = instanceTree;
    }

    /** A finished job read back from the store; only its summary stays in memory, the document is on disk. */
    static Job restored(ObjectNode document) {
        Job job = new Job(document.path("id").asText(), document.path("kind").asText("plan"),
                document.path("parent").isTextual() ? document.path("parent").asText() : null, null,
                Instant.parse(document.path("submitted").asText()), null);
        job.status = Status.of(document.path("status").asText("failed"));
        job.message = document.path("message").asText("");
        job.finished = document.path("finished").isTextual() ? Instant.parse(document.path("finished").asText()) : null;
        job.onDisk = true;
        return job;
    }

    /** The job's result is on disk: drops what memory held for it (the events stay, they are small). */
    synchronized void release() {
        onDisk = true;
        instanceTree = null;
        report = null;
        provisional = null;
        diff = null;
        stagesSoFar.clear();
    }

    /** Whether the job's document is served from the store rather than from memory. */
    synchronized boolean onDisk() {
        return onDisk;
    }

    synchronized boolean hasEvents() {
        return !events.isEmpty();
    }

    /** Id, kind, parent, status, message and times: what a listing shows. */
    synchronized ObjectNode summary() {
        ObjectNode node = Json.object().put("id", id).put("kind", kind);
        if (parent == null) {
            node.putNull("parent");
        } else {
            node.put("parent", parent);
        }
        node.put("status", status.json());
        if (!message.isEmpty()) {
            node.put("message", message);
        }
        node.put("submitted", submitted.toString());
        if (finished == null) {
            node.putNull("finished");
        } else {
            node.put("finished", finished.toString());
        }
        return node;
    }

    // ------------------------------------------------------------------ planning thread

    /** Queued → solving; false when the job was cancelled while it waited. */
    synchronized boolean start() {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.SOLVING;
        started = Instant.now();
        event("status", statusData());
        return true;
    }

    synchronized void stageStarted(String stage, int index, int count, double limit) {
        progress = Json.object().put("stage", stage).put("index", index).put("count", count).put("timeLimit", limit);
        event("stage-started", progress.deepCopy());
    }

    synchronized void stageFinished(StageSolve solve, int index, int count) {
        stagesSoFar.add(solve);
        ObjectNode data = JobJson.solve(solve).put("index", index).put("count", count);
        event("stage-finished", data);
    }

    synchronized void provisional(Provisional value) {
        provisional = value;
        ObjectNode data = Json.object().put("feasible", value.evaluation().feasible());
        Json.number(data, "jointObjective", value.jointObjective());
        event("plan", data);
    }

    synchronized void finish(PlanReport value, PlanDiff planDiff) {
        report = value;
        diff = planDiff;
        status = stopReason != null || value.cancelled() ? Status.CANCELLED : Status.DONE;
        if (status == Status.CANCELLED) {
            message = (stopReason != null ? stopReason : "Stopped.")
                    + (value.cancelled() ? " The plan is the best found before the stop."
                            : " The planner had finished its pass; the plan is complete.");
        }
        end();
    }

    synchronized void fail(String reason) {
        status = Status.FAILED;
        message = reason;
        end();
    }

    private void end() {
        finished = Instant.now();
        progress = null;
        event("status", statusData());
    }

    // ------------------------------------------------------------------ requests

    /**
     * Asks the job to stop, for the reason given (a sentence): a queued job is cancelled at once,
     * a running one at the planner's next check, keeping the best plan found.
     */
    synchronized boolean cancel(String why) {
        if (status.terminal()) {
            return false;
        }
        if (stopReason == null) {
            stopReason = why;
        }
        if (status == Status.QUEUED) {
            status = Status.CANCELLED;
            message = why + " It had not started.";
            end();
        }
        cancellation.cancel();
        return true;
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean terminal() {
        return status.terminal();
    }

    synchronized PlanReport report() {
        return report;
    }

    /** The submitted (or patched) instance document; null for a restored job until the store loads it. */
    synchronized JsonNode instanceTree() {
        return instanceTree;
    }

    synchronized void instanceTree(JsonNode tree) {
        this.instanceTree = tree;
    }

    synchronized Instant finishedAt() {
        return finished;
    }

    /** The events after {@code lastId}; waits up to {@code millis} when there are none and the job goes on. */
    synchronized List<Event> eventsAfter(long lastId, long millis) throws InterruptedException {
        if (events.isEmpty() || events.get(events.size() - 1).id() <= lastId) {
            if (!status.terminal()) {
                wait(millis);
            }
        }
        List<Event> after = new ArrayList<>();
        for (Event e : events) {
            if (e.id() > lastId) {
                after.add(e);
            }
        }
        return after;
    }

    /** Wakes stream readers (the service is stopping). */
    synchronized void wake() {
        notifyAll();
    }

    private ObjectNode statusData() {
        ObjectNode data = Json.object().put("status", status.json());
        if (!message.isEmpty()) {
            data.put("message", message);
        }
        return data;
    }

    private void event(String type, ObjectNode data) {
        data.put("job", id);
        events.add(new Event(events.size() + 1L, type, data));
        notifyAll();
    }

    /** A consistent view for rendering. */
    synchronized Snapshot snapshot() {
        return new Snapshot(status, started, finished, message, List.copyOf(stagesSoFar),
                progress == null ? null : progress.deepCopy(), provisional, report, diff);
    }

    record Snapshot(Status status, Instant started, Instant finished, String message, List<StageSolve> stagesSoFar,
            ObjectNode progress, Provisional provisional, PlanReport report, PlanDiff diff) {
    }
}
