package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.PlanDiff;
import org.meiplan.models.plan.StageSolve;
import org.meiplan.solvers.plan.PlanReport;
import org.meiplan.solvers.plan.Planner;
import org.meiplan.solvers.plan.PlannerListener;

/**
 * Accepts, queues, runs, stops and keeps planning jobs. At most {@code queue + concurrent} jobs
 * are unfinished at once (a further one is refused, the caller answers 429); {@code concurrent}
 * planner threads take queued jobs in order. A job's time limit is the planner's; a watchdog
 * cancels a job that overruns it by a margin. With a store, every accepted job is on disk
 * before it is acknowledged and every finished one when it ends; on start, finished jobs are
 * served again and unfinished ones are marked failed with the reason.
 */
final class JobManager implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobManager.class.getName());

    private final ServiceConfig config;
    private final InstanceReader reader;
    private final JobStore store;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Runnable> queued = new LinkedHashMap<>();
    private final Semaphore slots;
    private final ThreadPoolExecutor solvers;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger solving = new AtomicInteger();

    JobManager(ServiceConfig config, InstanceReader reader) throws IOException {
        this.config = config;
        this.reader = reader;
        this.store = config.dataDir() == null ? null : new JobStore(config.dataDir());
        this.slots = new Semaphore(config.queue() + config.concurrent());
        AtomicInteger count = new AtomicInteger();
        this.solvers = new ThreadPoolExecutor(config.concurrent(), config.concurrent(), 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "meiplan-planner-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "meiplan-watchdog");
            t.setDaemon(true);
            return t;
        });
        if (store != null) {
            restore();
        }
    }

    /** Serves finished jobs again; marks the ones a stop interrupted as failed, with the reason. */
    private void restore() throws IOException {
        for (JobStore.Stored stored : store.load()) {
            ObjectNode document = stored.result();
            if (document == null) {
                document = stored.job().deepCopy();
                document.put("status", "failed");
                document.put("message", "The service stopped before this job finished (restarted at "
                        + Instant.now() + "); submit it again.");
                document.putNull("finished");
                document.putNull("plan");
                store.finish(stored.id(), document);
            }
            document.put("id", stored.id());
            jobs.put(stored.id(), Job.restored(document)); // the document itself stays on disk
        }
        trim();
    }

    /** Accepts a job for a read instance; refused (429) when the queue is full. */
    Job submit(JsonNode instanceTree, Instance instance, PlanOptions options, Job parent, Plan previous) {
        if (!slots.tryAcquire()) {
            throw new ApiException(429, "queue-full", "The queue is full (" + config.queue() + " waiting, "
                    + config.concurrent() + " solving); try again later.", List.of(),
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds())));
        }
        Job job;
        try {
            job = new Job(UUID.randomUUID().toString(), parent == null ? "plan" : "replan",
                    parent == null ? null : parent.id, options, Instant.now(), instanceTree);
            if (store != null) {
                ObjectNode record = Json.object().put("id", job.id).put("kind", job.kind);
                if (job.parent == null) {
                    record.putNull("parent");
                } else {
                    record.put("parent", job.parent);
                }
                record.put("submitted", job.submitted.toString()).set("options", options.toJson());
                store.accept(job.id, instanceTree, record);
            }
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        Runnable run = () -> run(job, instance, previous);
        synchronized (this) {
            jobs.put(job.id, job);
            queued.put(job.id, run);
        }
        solvers.execute(run);
        return job;
    }

    /** A job by id, or 404. */
    synchronized Job get(String id) {
        Job job = JobStore.ID.matcher(id).matches() ? jobs.get(id) : null;
        if (job == null) {
            throw ApiException.notFound("There is no job " + (id.length() > 40 ? id.substring(0, 40) + "..." : id)
                    + " on this server (finished jobs are kept until " + config.retain() + " newer ones have finished).");
        }
        return job;
    }

    /** The most recent jobs, newest first. */
    synchronized List<Job> recent(int limit) {
        List<Job> all = new ArrayList<>(jobs.values());
        List<Job> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    /** Stops a job (queued: at once; solving: at the planner's next check, keeping the best plan). */
    boolean cancel(Job job) {
        boolean wasQueued;
        synchronized (this) {
            Runnable run = queued.remove(job.id);
            wasQueued = run != null && solvers.remove(run);
        }
        boolean changed = job.cancel("Stopped on request.");
        if (wasQueued) {
            finished(job);
        }
        return changed;
    }

    /** The instance of a job, read again from its document (after a restart, from the store). */
    Instance instanceOf(Job job) {
        return reader.read(instanceTreeOf(job), "The instance");
    }

    JsonNode instanceTreeOf(Job job) {
        JsonNode tree = job.instanceTree();
        if (tree == null && store != null) {
            try {
                tree = store.instance(job.id);
                job.instanceTree(tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (tree == null) {
            throw new ApiException(409, "no-instance", "The instance of this job is no longer kept.");
        }
        return tree;
    }

    /** The job document: rendered from memory while the job runs, read from the store once it has ended there. */
    ObjectNode document(Job job) {
        if (job.onDisk()) {
            ObjectNode stored = store.result(job.id);
            if (stored != null) {
                return stored;
            }
            ObjectNode summary = job.summary();
            summary.put("message", "The stored result of this job cannot be read.");
            return summary;
        }
        return JobJson.render(job);
    }

    /** The options of a job (read back from its document after a restart). */
    PlanOptions optionsOf(Job job, List<org.meiplan.models.io.Violation> problems) {
        return job.options != null ? job.options
                : PlanOptions.read(document(job).path("options"), "/options", config, problems);
    }

    /** The final plan of a finished job (done or cancelled), or 409 when it has none. */
    Plan planOf(Job job, Instance instance) {
        PlanReport report = job.report();
        if (report != null) {
            return report.plan();
        }
        ObjectNode stored = job.onDisk() ? document(job) : null;
        if (stored != null && stored.path("plan").isObject()) {
            return PlanJson.read(stored.get("plan"), instance, "The stored plan");
        }
        throw new ApiException(409, "no-plan", "Job " + job.id + " has no final plan (status " + job.status().json()
                + "); changes apply to a job that is done or cancelled.");
    }

    synchronized int queuedCount() {
        return queued.size();
    }

    int solvingCount() {
        return solving.get();
    }

    private void run(Job job, Instance instance, Plan previous) {
        synchronized (this) {
            queued.remove(job.id);
        }
        if (!job.start()) {
            finished(job);
            return;
        }
        solving.incrementAndGet();
        double limit = job.options.timeLimitSeconds();
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            if (!job.terminal()) {
                LOG.log(Level.WARNING, "job " + job.id + " overran its time limit; cancelling it");
                job.cancel("Stopped by the server: it overran its time limit.");
            }
        }, (long) ((1.25 * limit + 5.0) * 1000), TimeUnit.MILLISECONDS);
        try {
            Planner planner = job.options.planner(listener(job), plan -> {
                Evaluation evaluation = new Evaluator().evaluate(instance, plan);
                job.provisional(new Job.Provisional(plan, evaluation, Planner.jointObjective(evaluation,
                        job.options.inferenceWeight(), job.options.trainingWeight())));
            });
            // The job's time limit is also a wall-clock deadline from the moment it starts solving.
            PlanReport report = previous == null
                    ? planner.plan(instance, job.cancellation, org.meiplan.solvers.plan.Deadline.after(limit))
                    : planner.replan(previous, instance);
            job.finish(report, previous == null ? null : PlanDiff.between(previous, report.plan(), instance));
        } catch (IllegalArgumentException e) {
            job.fail("Planning could not run: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.log(Level.ERROR, "job " + job.id + " failed", e);
            job.fail("Planning failed with an internal error (a bug in meiplan; the server log has the details"
                    + " for job " + job.id + ").");
        } finally {
            guard.cancel(false);
            solving.decrementAndGet();
        }
        finished(job);
    }

    private static PlannerListener listener(Job job) {
        return new PlannerListener() {
            @Override
            public void stageStarted(String stage, int index, int count, double timeLimitSeconds) {
                job.stageStarted(stage, index, count, timeLimitSeconds);
            }

            @Override
            public void stageFinished(StageSolve solve, int index, int count) {
                job.stageFinished(solve, index, count);
            }
        };
    }

    private void finished(Job job) {
        try {
            if (store != null) {
                store.finish(job.id, JobJson.render(job));
                job.release();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not store the result of job " + job.id, e);
        } finally {
            slots.release();
        }
        trim();
    }

    /** Forgets the oldest finished jobs beyond the retention limit (in memory and on disk). */
    private void trim() {
        List<String> drop = new ArrayList<>();
        synchronized (this) {
            int finished = 0;
            for (Job job : jobs.values()) {
                if (job.terminal()) {
                    finished++;
                }
            }
            for (Job job : jobs.values()) {
                if (finished <= config.retain()) {
                    break;
                }
                if (job.terminal()) {
                    drop.add(job.id);
                    finished--;
                }
            }
            drop.forEach(jobs::remove);
        }
        if (store != null) {
            drop.forEach(store::delete);
        }
    }

    /** A hint for Retry-After: the time limits of the unfinished jobs spread over the solver threads. */
    private synchronized long retryAfterSeconds() {
        double total = 0.0;
        for (Job job : jobs.values()) {
            if (!job.terminal() && job.options != null) {
                total += job.options.timeLimitSeconds();
            }
        }
        return Math.max(1L, Math.min(3600L, (long) Math.ceil(total / config.concurrent() / Math.max(1, config.queue()))));
    }

    /** Stops taking jobs, cancels the running ones and waits a little for them to end. */
    @Override
    public void close() {
        List<Job> all;
        synchronized (this) {
            all = new ArrayList<>(jobs.values());
        }
        solvers.shutdownNow(); // queued jobs never start: on the next start they are marked failed
        for (Job job : all) {
            if (job.status() == Job.Status.SOLVING) {
                job.cancel("The service was stopped while this job was solving.");
            }
            job.wake();
        }
        try {
            solvers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }
}
