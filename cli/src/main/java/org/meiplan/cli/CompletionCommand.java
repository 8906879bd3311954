package org.meiplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code meiplan completion}: a bash/zsh completion script for every command and option (picocli's AutoComplete). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash and zsh: commands, options and file names complete with"
                + " TAB. Load it in the current shell with source, or install it for every shell."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(meiplan completion)                                 (bash, this shell)",
                "  meiplan completion > ~/.local/share/bash-completion/completions/meiplan   (bash, every shell)",
                "  autoload -U +X bashcompinit && bashcompinit && source <(meiplan completion)   (zsh)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return ExitCode.OK;
    }
}
