package org.meiplan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.meiplan.models.io.InvalidInstanceException;
import org.meiplan.models.io.InvalidPlanException;
import org.meiplan.models.io.Violation;

/**
 * How the command reports a failure: one clear message on stderr, never a stack trace unless
 * {@code MEIPLAN_DEBUG} is set; text from the input (ids, file names, arguments) with its
 * control and bidirectional-override characters escaped, so that it cannot drive the terminal;
 * at most {@link #DEFAULT_MAX_PROBLEMS} problems listed ({@code MEIPLAN_MAX_PROBLEMS=N} to
 * change, 0 for all), the full list as JSON on stdout with {@code --json}.
 */
final class ErrorReport {

    /** Problems listed on stderr unless MEIPLAN_MAX_PROBLEMS says otherwise. */
    static final int DEFAULT_MAX_PROBLEMS = 50;

    private final Map<String, String> environment;

    ErrorReport(Map<String, String> environment) {
        this.environment = environment;
    }

    private static final ThreadLocal<ErrorReport> OVERRIDE = new ThreadLocal<>();

    /** The report for the process environment, or the one a test installed with {@link #using}. */
    static ErrorReport current() {
        ErrorReport override = OVERRIDE.get();
        return override != null ? override : new ErrorReport(System.getenv());
    }

    /** Runs {@code body} with this environment in place of the process's (for tests). */
    static <T> T using(Map<String, String> environment, java.util.function.Supplier<T> body) {
        OVERRIDE.set(new ErrorReport(environment));
        try {
            return body.get();
        } finally {
            OVERRIDE.remove();
        }
    }

    /** True when the command that ran was given {@code --json}. */
    static boolean jsonRequested(picocli.CommandLine.ParseResult parseResult) {
        picocli.CommandLine.ParseResult deepest = parseResult;
        while (deepest != null && deepest.hasSubcommand()) {
            deepest = deepest.subcommand();
        }
        return deepest != null && deepest.hasMatchedOption("--json");
    }

    boolean debug() {
        String value = environment.get("MEIPLAN_DEBUG");
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    int maxProblems() {
        String value = environment.get("MEIPLAN_MAX_PROBLEMS");
        if (value == null) {
            return DEFAULT_MAX_PROBLEMS;
        }
        try {
            int max = Integer.parseInt(value.trim());
            return max <= 0 ? Integer.MAX_VALUE : max;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_PROBLEMS;
        }
    }

    /**
     * The subcommand of {@code command} closest to a mistyped {@code word}, by edit distance with
     * transpositions (optimal string alignment: "slove" is one step from "solve", two from
     * "serve"), at most max(2, length / 3); null when none is that close.
     */
    static String nearestSubcommand(picocli.CommandLine command, String word) {
        String best = null;
        int bestDistance = Math.max(2, word.length() / 3) + 1;
        for (String name : new java.util.TreeSet<>(command.getSubcommands().keySet())) {
            int distance = alignment(word.toLowerCase(java.util.Locale.ROOT), name);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = name;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int alignment(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The "did you mean" for a parameter error: for an unknown subcommand the nearest one
     * ({@link #nearestSubcommand}), otherwise picocli's own suggestions (options, values).
     */
    static String suggestions(picocli.CommandLine.ParameterException ex) {
        picocli.CommandLine cmd = ex.getCommandLine();
        if (ex instanceof picocli.CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !cmd.getSubcommands().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (!first.startsWith("-") && first.length() <= 64) {
                String near = nearestSubcommand(cmd, first);
                if (near != null) {
                    return "Did you mean: " + cmd.getCommandSpec().qualifiedName() + " " + near + "?"
                            + System.lineSeparator();
                }
            }
        }
        java.io.StringWriter text = new java.io.StringWriter();
        picocli.CommandLine.UnmatchedArgumentException.printSuggestions(ex, new PrintWriter(text, true));
        return text.toString();
    }

    /** The exit code of a failure, as README.md lists them. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof InvalidInstanceException || ex instanceof IllegalArgumentException
                || ex instanceof java.nio.charset.CharacterCodingException || ex instanceof IOException) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.INTERNAL;
    }

    /**
     * Prints the failure to {@code err} (and, for bad input with {@code json}, the full list of
     * problems to {@code out}); returns the exit code.
     */
    int report(Throwable ex, PrintWriter out, PrintWriter err, boolean json) {
        int code = exitCodeOf(ex);
        if (ex instanceof InvalidInstanceException invalid) {
            printProblems(invalid, err);
            if (json) {
                out.println(problemsJson(invalid));
                out.flush();
            }
        } else {
            err.println(escape(describe(ex)));
        }
        if (code == ExitCode.INTERNAL) {
            if (ex instanceof OutOfMemoryError) {
                err.println("The Java heap is too small for this input. Give the JVM more memory, e.g."
                        + " MEIPLAN_JAVA_OPTS=-Xmx8g, or split the instance.");
            } else {
                err.println("This is a bug in meiplan; please report it with the command and input.");
            }
            if (debug()) {
                ex.printStackTrace(err);
            } else {
                err.println("Set MEIPLAN_DEBUG=1 to see the stack trace.");
            }
        } else if (debug()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private void printProblems(InvalidInstanceException invalid, PrintWriter err) {
        List<Violation> violations = invalid.violations();
        int shown = Math.min(violations.size(), maxProblems());
        err.println("meiplan: " + escapeLine(invalid.what()) + " has " + violations.size()
                + (violations.size() == 1 ? " problem:" : " problems:"));
        for (Violation violation : violations.subList(0, shown)) {
            err.println("  " + escapeLine(violation.toString()));
        }
        if (shown < violations.size()) {
            err.println("  ... and " + (violations.size() - shown) + " more. Fix these first, or see them all with"
                    + " --json (where the command has it) or MEIPLAN_MAX_PROBLEMS=0.");
        }
    }

    /** Every problem as JSON: {"error": ..., "input": ..., "problems": [{"path", "value", "problem", "hint"}]}. */
    static String problemsJson(InvalidInstanceException invalid) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("error", invalid instanceof InvalidPlanException ? "invalid plan" : "invalid input");
        root.put("input", invalid.what());
        root.put("count", invalid.violations().size());
        ArrayNode problems = root.putArray("problems");
        for (Violation violation : invalid.violations()) {
            ObjectNode node = problems.addObject().put("path", violation.path());
            if (violation.value() == null) {
                node.putNull("value");
            } else {
                node.put("value", violation.value());
            }
            node.put("problem", violation.problem()).put("hint", violation.hint());
        }
        return root.toString();
    }

    static String describe(Throwable ex) {
        if (ex instanceof NoSuchFileException e) {
            return "meiplan: " + e.getFile() + ": no such file. Check the path.";
        }
        if (ex instanceof AccessDeniedException e) {
            return "meiplan: " + e.getFile() + ": permission denied.";
        }
        if (ex instanceof FileSystemException e) {
            return "meiplan: " + e.getFile() + ": " + (e.getReason() == null ? "cannot be read or written" : e.getReason());
        }
        if (ex instanceof java.nio.charset.CharacterCodingException) {
            return "meiplan: the input is not valid UTF-8 text (" + ex + "). Save it as UTF-8.";
        }
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            return "meiplan: " + ex.getMessage();
        }
        if (ex instanceof OutOfMemoryError) {
            return "meiplan: out of memory (" + ex.getMessage() + ").";
        }
        return "meiplan: internal error: " + ex;
    }

    /**
     * {@code text} with control characters (C0 except newline and tab, DEL, C1) and Unicode
     * bidirectional controls written as {@code \\u001b} escapes.
     */
    static String escape(String text) {
        return escape(text, false);
    }

    /** {@link #escape} that also escapes newlines and tabs, for text that must stay on one line. */
    static String escapeLine(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean oneLine) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && (oneLine || (c != '\n' && c != '\t'))) || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                    || c == 0x061c;
            if (control) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
