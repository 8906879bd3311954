package org.meiplan.solvers.study;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where the runs of a study execute. The {@link StudyRunner} owns everything else (the spec,
 * the CSV, resuming, the canonical row order); an engine only runs tasks with
 * {@link StudyRunner#runOne(StudyTask)} and hands each row back as it finishes. The local
 * engine is a thread pool ({@link LocalStudyEngine}); the Spark engine lives in the
 * {@code meiplan-spark} module and is found through {@link StudyEngineProvider}.
 */
public interface StudyEngine extends AutoCloseable {

    /** For messages: which engine, where, how many runs at once. */
    String description();

    /**
     * Runs every task and gives each row to {@code sink} as it finishes. A failing run is a row
     * with its error, never an exception; an exception here means the engine itself failed
     * (the rows already given are kept in the CSV, so a rerun resumes).
     */
    void execute(StudyRunner runner, List<StudyTask> tasks, RowSink sink) throws IOException;

    /** Releases the engine's resources (threads, a Spark context). */
    @Override
    default void close() {
    }

    /** Receives finished rows; engines call it from one thread at a time. */
    @FunctionalInterface
    interface RowSink {
        void accept(Map<String, String> row) throws IOException;
    }
}
