package org.meiplan.solvers.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * How the engines hand rows to the CSV: pieces of work (one run, one Spark partition) run on a pool
 * of daemon threads, and the rows of each piece are written to the sink together, one piece at a
 * time, as soon as it finishes.
 */
public final class ParallelRows {

    private ParallelRows() {
    }

    /**
     * Runs every piece on {@code threads} threads named {@code threadName} and waits for all.
     *
     * @param failure what to throw when a piece fails with anything but a write error (those are
     *     rethrown as the {@link IOException} they were)
     * @throws IOException when the sink fails, or the wait is interrupted (rerun to resume)
     */
    public static void run(int threads, String threadName, List<Callable<List<Map<String, String>>>> pieces,
            StudyEngine.RowSink sink, Function<Throwable, RuntimeException> failure) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        Object lock = new Object();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<List<Map<String, String>>> piece : pieces) {
                futures.add(pool.submit(() -> {
                    List<Map<String, String>> rows = piece.call();
                    synchronized (lock) {
                        for (Map<String, String> row : rows) {
                            try {
                                sink.accept(row);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                    return null;
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
            throw failure.apply(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
