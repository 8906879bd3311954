package org.meiplan.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.meiplan.solvers.study.ParallelRows;
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
        List<Callable<List<Map<String, String>>>> pieces = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            pieces.add(() -> rows.collectPartitions(new int[] {partition})[0]);
        }
        try {
            ParallelRows.run(Math.min(partitions, slots + 1), "meiplan-spark-job", pieces, sink,
                    cause -> new IllegalStateException("a Spark job of the study failed: " + cause.getMessage()
                            + " (the rows that came back are in the CSV; rerun to resume)", cause));
        } finally {
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
