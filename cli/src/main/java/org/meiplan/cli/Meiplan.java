package org.meiplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
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
                SimulateCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  meiplan validate datasets/instances/edge-tiny.json",
            "  meiplan evaluate datasets/instances/edge-tiny.json datasets/instances/edge-tiny.plan.json",
            "  meiplan evaluate --json INSTANCE PLAN > evaluation.json",
            "  meiplan generate --scenario virtual-assistant --size small --seed 1 -o va.json",
            "",
            "Exit codes: 0 ok, 1 internal error, 2 invalid input, 3 infeasible or violated plan, 4 no solution found."
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
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli passes errors (out of memory, stack overflow) through: report them the same way.
            return ErrorReport.current().report(e, out, err, false);
        }
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
            PrintWriter errWriter = cmd.getErr();
            errWriter.println("meiplan: " + ErrorReport.escape(ex.getMessage()));
            // "Did you mean" for a misspelt subcommand or option.
            errWriter.print(ErrorReport.escape(ErrorReport.suggestions(ex)));
            errWriter.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            errWriter.flush();
            return ExitCode.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
                ErrorReport.current().report(ex, cmd.getOut(), cmd.getErr(), ErrorReport.jsonRequested(parseResult)));
        return commandLine;
    }

    static int exitCodeOf(Throwable ex) {
        return ErrorReport.exitCodeOf(ex);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = run(args, out, err);
        } catch (Throwable e) {
            code = ExitCode.INTERNAL;
            err.println("meiplan: internal error: " + ErrorReport.escape(String.valueOf(e)));
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
