package org.meiplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.Limits;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.io.SafeFiles;
import org.meiplan.models.plan.Plan;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line's file conventions: {@code -} for an input reads standard input (once per command), {@code -} for
 * an output writes standard output; files are written by {@link SafeFiles} (atomic, umask, links and FIFOs
 * respected), and output paths are checked before a command starts working.
 */
final class Io {
    /** The name that stands for standard input or output. */
    static final String STDIO = "-";

    private static InputStream stdin = System.in;

    private Io() {
    }

    static boolean isStdio(Path path) {
        return path != null && path.toString().equals(STDIO);
    }

    /** For tests: what {@code -} reads. */
    static void setStdin(InputStream in) {
        stdin = in;
    }

    /** The text of an input file, or of standard input for {@code -}. */
    static String readText(Path path) throws IOException {
        if (!isStdio(path)) {
            return java.nio.file.Files.readString(path, StandardCharsets.UTF_8);
        }
        long limit = Limits.DEFAULT.maxDocumentBytes();
        byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new IllegalArgumentException("standard input is larger than the limit of " + limit + " bytes.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads an instance from a file or from standard input ({@code -}). */
    static Instance instance(Path path) throws IOException {
        return isStdio(path) ? Catalogs.reader().read(readText(path)) : Catalogs.reader().read(path);
    }

    /** Reads a plan from a file or from standard input ({@code -}). */
    static Plan plan(Path path, Instance instance) throws IOException {
        return isStdio(path) ? PlanJson.read(readText(path), instance) : PlanJson.read(path, instance);
    }

    /** Refuses two inputs that both read standard input. */
    static void oneStdin(Path... inputs) {
        int count = 0;
        for (Path p : inputs) {
            count += isStdio(p) ? 1 : 0;
        }
        if (count > 1) {
            throw new IllegalArgumentException("only one input can be read from standard input (-); give the others"
                    + " as files.");
        }
    }

    /** Refuses, before any work, an output path that cannot be written ({@code -} and null pass). */
    static void checkOutput(Path path) throws IOException {
        if (path != null && !isStdio(path)) {
            SafeFiles.checkWritable(path);
        }
    }

    /** Writes text to standard output ({@code -}) or to a file. */
    static void write(CommandSpec spec, Path path, String text) throws IOException {
        if (isStdio(path)) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            SafeFiles.write(text, path);
        }
    }
}
