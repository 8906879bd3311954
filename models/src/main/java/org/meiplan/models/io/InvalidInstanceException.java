package org.meiplan.models.io;

import java.util.List;

/**
 * An input file broke one or more rules; carries every violation found, not just the first,
 * each naming its JSON path. {@link InvalidPlanException} is the same for plan files.
 */
public class InvalidInstanceException extends IllegalArgumentException {
    private final transient List<Violation> violations;
    private final String what;

    public InvalidInstanceException(String what, List<Violation> violations) {
        super(message(what, violations));
        this.what = what;
        this.violations = List.copyOf(violations);
    }

    /** What was read: a file name, or "The instance" / "The plan" for text. */
    public String what() {
        return what;
    }

    /** Every problem found, in document order. */
    public List<Violation> violations() {
        return violations;
    }

    /** Violations spelt out in the message; {@link #violations()} has them all. */
    static final int MESSAGE_VIOLATIONS = 100;

    private static String message(String what, List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        text.append(what).append(" has ").append(violations.size())
                .append(violations.size() == 1 ? " problem:" : " problems:");
        for (Violation violation : violations.subList(0, Math.min(violations.size(), MESSAGE_VIOLATIONS))) {
            text.append(System.lineSeparator()).append("  ").append(violation);
        }
        if (violations.size() > MESSAGE_VIOLATIONS) {
            text.append(System.lineSeparator()).append("  ... and ").append(violations.size() - MESSAGE_VIOLATIONS)
                    .append(" more");
        }
        return text.toString();
    }
}
