package org.meiplan.cli;

/** The exit codes of the meiplan command, as documented in README.md. */
public final class ExitCode {
    /** Success: the input is valid and the plan (if any) is feasible. */
    public static final int OK = 0;
    /** An internal error: a bug in meiplan. */
    public static final int INTERNAL = 1;
    /** Invalid input: a bad file, a bad option, an unknown id. */
    public static final int INVALID_INPUT = 2;
    /** The plan violates a constraint, or the problem is infeasible. */
    public static final int INFEASIBLE = 3;
    /** A stage found no solution (a limit stopped it first, or its solver failed): the plan lacks that part. */
    public static final int NO_SOLUTION = 4;

    private ExitCode() {
    }
}
