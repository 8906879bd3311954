package org.meiplan.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.meiplan.solvers.study.StudyEngine;
import org.meiplan.solvers.study.StudyRunner;
import org.meiplan.solvers.study.StudyTask;

/**
 * Runs a study's tasks on Spark: the tasks become an RDD in canonical order, cut into small
 * partitions; each partition runs {@link StudyRunner#runOne} on an executor (the runner, with
 * its spec and its instances' text, is broadcast once), and every partition is collected by
 * its own job, several at once, so rows come back to the driver and into the CSV while the
 * study runs (an interrupted study resumes from them). The rows are the local engine's rows:
 * the same runner makes them.
 *
 * <p>OR-Tools' natives are extracted and loaded once per executor JVM, on its first run.
 */
public final class SparkStudyEngine implements StudyEngine {

    /** Runs per partition at most: small partitions keep rows flowing back and the cores busy to the end. */
    static final int MAX_RUNS_PER_PARTITION = 25;

    private final JavaSparkContext context;
    private final boolean owned;
    private final double startSeconds;

    /**
     * An engine on {@code context}; {@code owned} says whether {@link #close()} stops it, and
     * {@code startSeconds} how long it took to start (for reports).
     */
    public SparkStudyEngine(JavaSparkContext context, boolean owned, double startSeconds) {
        this.context = context;
        this.owned = owned;
        this.startSeconds = startSeconds;
    }

    /** Seconds the Spark context took to start (0 when it was given). */
    public double startSeconds() {
        return startSeconds;
    }

    /** The context the runs execute on. */
    public JavaSparkContext context() {
        return context;
    }

    @Override
    public String description() {
        return String.format(java.util.Locale.ROOT, "spark %s, %d cores, started in %.1f s", context.master(),
                context.defaultParallelism(), startSeconds);
    }

    @Override
    public void execute(StudyRunner runner, List<StudyTask> tasks, RowSink sink) throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        int slots = Math.max(1, context.defaultParallelism());
        int perPartition = (int) Math.max(1, Math.min(MAX_RUNS_PER_PARTITION,
                Math.ceil(tasks.size() / (4.0 * slots))));
        int partitions = (int) Math.ceil(tasks.size() / (double) perPartition);
        Broadcast<StudyRunner> shipped = context.broadcast(runner);
        JavaRDD<Map<String, String>> rows = context.parallelize(new ArrayList<>(tasks), partitions)
                .mapPartitions(part -> runAll(shipped.value(), part));
        ExecutorService jobs = Executors.newFixedThreadPool(Math.min(partitions, slots + 1), runnable -> {
            Thread thread = new Thread(runnable, "meiplan-spark-job");
            thread.setDaemon(true);
            return thread;
        });
        Object lock = new Object();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                futures.add(jobs.submit(() -> {
                    List<Map<String, String>>[] collected = rows.collectPartitions(new int[] {partition});
                    synchronized (lock) {
                        for (Map<String, String> row : collected[0]) {
                            try {
                                sink.accept(row);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the study was interrupted; rerun to resume", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("a Spark job of the study failed: " + e.getCause().getMessage()
                    + " (the rows that came back are in the CSV; rerun to resume)", e.getCause());
        } finally {
            jobs.shutdownNow();
            shipped.destroy();
        }
    }

    private static Iterator<Map<String, String>> runAll(StudyRunner runner, Iterator<StudyTask> part) {
        List<Map<String, String>> out = new ArrayList<>();
        while (part.hasNext()) {
            out.add(new LinkedHashMap<>(runner.runOne(part.next())));
        }
        return out.iterator();
    }

    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }
}
