package org.meiplan.datasets.fuzz;

import org.meiplan.models.io.InvalidInstanceException;
import org.meiplan.models.io.InvalidPlanException;
import org.meiplan.models.io.Violation;

/**
 * The readers' contract under fuzzing: a document is either read, or rejected with the
 * project's exception ({@link InvalidInstanceException} for instances, {@link InvalidPlanException}
 * for plans) whose message names the input and whose every violation names a JSON pointer and
 * says what is wrong. Anything else thrown is a breach.
 */
public final class FuzzContract {

    private FuzzContract() {
    }

    /** Null when {@code thrown} is a proper rejection of the instance {@code what}, else what is wrong. */
    public static String instanceBreach(Throwable thrown, String what) {
        if (!(thrown instanceof InvalidInstanceException invalid) || thrown instanceof InvalidPlanException) {
            return "threw " + thrown;
        }
        return violationsBreach(invalid, what);
    }

    /** Null when {@code thrown} is a proper rejection of the plan {@code what}, else what is wrong. */
    public static String planBreach(Throwable thrown, String what) {
        if (!(thrown instanceof InvalidPlanException invalid)) {
            return "threw " + thrown;
        }
        return violationsBreach(invalid, what);
    }

    private static String violationsBreach(InvalidInstanceException invalid, String what) {
        if (invalid.violations().isEmpty()) {
            return "rejected without a violation: " + invalid.getMessage();
        }
        if (!invalid.getMessage().startsWith(what)) {
            return "the message does not name " + what + ": " + invalid.getMessage();
        }
        for (Violation violation : invalid.violations()) {
            if (!violation.path().isEmpty() && !violation.path().startsWith("/")) {
                return "a violation without a JSON pointer: " + violation;
            }
            if (violation.problem().isBlank()) {
                return "a violation without a problem: " + violation;
            }
        }
        return null;
    }
}
