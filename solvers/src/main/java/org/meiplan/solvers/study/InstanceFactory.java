package org.meiplan.solvers.study;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.meiplan.models.instance.Instance;

/**
 * Makes the instance of one study run from its scenario parameters and seed. The CLI uses
 * the generator of {@code meiplan-datasets} and the user's own instance files
 * ({@code StudyInstances}); a Java caller may plug in anything. A factory is
 * {@link Serializable} so that the Spark engine can ship it to its executors: a factory made
 * by {@link #of} from method references or lambdas is serializable when what they capture is.
 */
public interface InstanceFactory extends Serializable {

    /** The parameter names this factory understands (a spec using others is rejected up front). */
    List<String> parameters();

    /** The instance for these parameters and seed; bad values are an {@link IllegalArgumentException}. */
    Instance create(Map<String, String> parameters, long seed);

    /** Checks one parameter value before any run starts; a bad value is an {@link IllegalArgumentException}. */
    default void check(String name, String value) {
    }

    /**
     * Checks a whole grid point before any run starts (parameters that exclude each other, a
     * required one missing); a bad point is an {@link IllegalArgumentException}.
     */
    default void checkPoint(Map<String, String> parameters) {
    }

    /** Makes an instance from parameters and a seed (serializable). */
    @FunctionalInterface
    interface Creator extends BiFunction<Map<String, String>, Long, Instance>, Serializable {
    }

    /** Checks one parameter value (serializable). */
    @FunctionalInterface
    interface Checker extends BiConsumer<String, String>, Serializable {
    }

    /** Checks a grid point's parameters together (serializable). */
    @FunctionalInterface
    interface PointChecker extends java.util.function.Consumer<Map<String, String>>, Serializable {
    }

    /** A factory from a list of names and a function. */
    static InstanceFactory of(List<String> names, Creator create) {
        return of(names, create, (name, value) -> { });
    }

    /** A factory from a list of names, a function and a check of single values. */
    static InstanceFactory of(List<String> names, Creator create, Checker checker) {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(checker, "checker");
        return of(names, create, checker, point -> { });
    }

    /** A factory from a list of names, a function, a check of single values and one of whole grid points. */
    static InstanceFactory of(List<String> names, Creator create, Checker checker, PointChecker pointChecker) {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(pointChecker, "pointChecker");
        return new Simple(List.copyOf(names), create, checker, pointChecker);
    }

    /** The factory of {@link #of}. */
    record Simple(List<String> parameters, Creator creator, Checker checker, PointChecker pointChecker)
            implements InstanceFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public Instance create(Map<String, String> parameters, long seed) {
            return creator.apply(parameters, seed);
        }

        @Override
        public void check(String name, String value) {
            checker.accept(name, value);
        }

        @Override
        public void checkPoint(Map<String, String> parameters) {
            pointChecker.accept(parameters);
        }
    }
}
