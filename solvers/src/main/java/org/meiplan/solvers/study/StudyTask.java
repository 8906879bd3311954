package org.meiplan.solvers.study;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a study: its place in the canonical run order (grid points in the spec's order,
 * the last key fastest, then seeds), its id, its grid point and its seed. Serializable, so an
 * engine can ship it to another JVM.
 */
public record StudyTask(int index, String id, Map<String, String> point, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    public StudyTask {
        Objects.requireNonNull(id, "id");
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    }
}
