package org.meiplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.meiplan.models.instance.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan validate INSTANCE}: reads an instance and reports every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an instance file; report every problem with its JSON path, value and a hint.",
        footerHeading = "%nExample:%n",
        footer = "  meiplan validate datasets/instances/edge-tiny.json")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance JSON file (- reads standard input).")
    Path instanceFile;

    @Override
    public Integer call() throws Exception {
        Instance instance = Io.instance(instanceFile);
        spec.commandLine().getOut().println(instanceFile + ": valid. " + Tables.describe(instance));
        return ExitCode.OK;
    }
}
