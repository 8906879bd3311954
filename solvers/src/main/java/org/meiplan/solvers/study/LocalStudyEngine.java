package org.meiplan.solvers.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The default engine: a fixed pool of threads in this JVM, {@code parallel} runs at once. */
public final class LocalStudyEngine implements StudyEngine {

    private final int parallel;

    public LocalStudyEngine(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
        }
        this.parallel = parallel;
    }

    @Override
    public String description() {
        return "local, " + parallel + " run" + (parallel == 1 ? "" : "s") + " at once";
    }

    @Override
    public void execute(StudyRunner runner, List<StudyTask> tasks, RowSink sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "meiplan-study");
            thread.setDaemon(true);
            return thread;
        });
        Object lock = new Object();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StudyTask task : tasks) {
                futures.add(pool.submit(() -> {
                    Map<String, String> row = runner.runOne(task);
                    synchronized (lock) {
                        try {
                            sink.accept(row);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
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
            throw new IllegalStateException("a study run failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
