package org.meiplan.models.io;

import java.util.List;

/**
 * A plan file broke one or more rules (syntax, unknown fields, types, units, ranges); carries
 * every violation with its JSON path. A subtype of {@link InvalidInstanceException}, so that a
 * caller handling bad input handles bad plans the same way.
 */
public final class InvalidPlanException extends InvalidInstanceException {
    public InvalidPlanException(String what, List<Violation> violations) {
        super(what, violations);
    }
}
