package org.meiplan.solvers.study;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link StudyEngineProvider}s registered with {@link ServiceLoader}. */
public final class StudyEngines {

    private StudyEngines() {
    }

    /** The provider named {@code name} among those {@code loader} sees, or null when there is none. */
    public static StudyEngineProvider find(String name, ClassLoader loader) {
        for (StudyEngineProvider provider : ServiceLoader.load(StudyEngineProvider.class, loader)) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        return null;
    }

    /** The names of the providers {@code loader} sees. */
    public static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(StudyEngineProvider.class, loader).forEach(p -> names.add(p.name()));
        return names;
    }
}
