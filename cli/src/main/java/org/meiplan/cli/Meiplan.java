package org.meiplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import org.meiplan.models.io.InvalidInstanceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code meiplan} command: parses arguments, calls the Java API, prints. It holds no
 * planning logic. Exit codes: 0 ok, 1 internal error, 2 invalid input, 3 infeasible or
 * violated plan.
 */
@Command(name = "meiplan",
        mixinStandardHelpOptions = true,
        versionProvider = Meiplan.Version.class,
        description = "Plans how large language models are deployed at the mobile network edge.",
        subcommands = {ValidateCommand.class, EvaluateCommand.class, SolveCommand.class, DiffCommand.class, StudyCommand.class, GenerateCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  meiplan validate datasets/instances/edge-tiny.json",
            "  meiplan evaluate datasets/instances/edge-tiny.json datasets/instances/edge-tiny.plan.json",
            "  meiplan evaluate --json INSTANCE PLAN > evaluation.json",
            "  meiplan generate --scenario virtual-assistant --size small --seed 1 -o va.json",
            "",
            "Exit codes: 0 ok, 1 internal error, 2 invalid input, 3 infeasible or violated plan."
        })
public final class Meiplan implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command and returns its exit code, printing to the given writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(out, err);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Meiplan());
        commandLine.addSubcommand(new ExportCommand());
        commandLine.addSubcommand(new CompletionCommand());
        commandLine.addSubcommand(new ReportCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(Meiplan::exitCodeOf);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("meiplan: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            cmd.getErr().flush();
            return ExitCode.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter errWriter = cmd.getErr();
            errWriter.println(describe(ex));
            if (exitCodeOf(ex) == ExitCode.INTERNAL) {
                errWriter.println("This is a bug in meiplan; please report it with the command and input."
                        + " Set MEIPLAN_DEBUG=1 to see the stack trace.");
                if (System.getenv("MEIPLAN_DEBUG") != null) {
                    ex.printStackTrace(errWriter);
                }
            }
            errWriter.flush();
            return exitCodeOf(ex);
        });
        return commandLine;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof InvalidInstanceException || ex instanceof NoSuchFileException
                || ex instanceof AccessDeniedException || ex instanceof IllegalArgumentException
                || ex instanceof java.nio.charset.MalformedInputException || ex instanceof java.nio.file.FileSystemException) {
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof IOException) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.INTERNAL;
    }

    static String describe(Throwable ex) {
        if (ex instanceof InvalidInstanceException) {
            return "meiplan: " + ex.getMessage();
        }
        if (ex instanceof NoSuchFileException e) {
            return "meiplan: " + e.getFile() + ": no such file. Check the path.";
        }
        if (ex instanceof AccessDeniedException e) {
            return "meiplan: " + e.getFile() + ": permission denied.";
        }
        if (ex instanceof java.nio.file.FileSystemException e) {
            return "meiplan: " + e.getFile() + ": " + (e.getReason() == null ? "cannot be read or written" : e.getReason());
        }
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            return "meiplan: " + ex.getMessage();
        }
        return "meiplan: internal error: " + ex;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = run(args, out, err);
        } catch (RuntimeException | Error e) {
            err.println("meiplan: internal error: " + e);
            code = ExitCode.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Reads the version from the properties Maven filters at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Meiplan.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"meiplan " + properties.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
