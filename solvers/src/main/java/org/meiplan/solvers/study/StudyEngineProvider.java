package org.meiplan.solvers.study;

import java.util.Map;

/**
 * A {@link java.util.ServiceLoader} service that opens a {@link StudyEngine} by name, so that
 * a launcher can offer an engine whose libraries it does not link against (the Spark engine
 * is loaded this way from its own class path, only when asked for).
 */
public interface StudyEngineProvider {

    /** The engine's name, as in {@code meiplan study --engine NAME}. */
    String name();

    /**
     * Opens the engine. {@code options} are engine-specific ({@code master} for Spark); a bad
     * or unreachable option is an {@link IllegalArgumentException} that names it and a fix,
     * thrown before any run starts.
     */
    StudyEngine open(Map<String, String> options);
}
