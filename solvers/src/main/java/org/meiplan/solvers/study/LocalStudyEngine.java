package org.meiplan.solvers.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
        List<Callable<List<Map<String, String>>>> runs = new ArrayList<>();
        for (StudyTask task : tasks) {
            runs.add(() -> List.of(runner.runOne(task)));
        }
        ParallelRows.run(parallel, "meiplan-study", runs, sink,
                cause -> new IllegalStateException("a study run failed unexpectedly", cause));
    }
}
