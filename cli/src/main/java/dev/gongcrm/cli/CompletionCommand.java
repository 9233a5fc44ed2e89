package dev.gongcrm.cli;

import dev.gongcrm.validator.DidYouMean;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "completion",
        description = {"Prints the shell completion script of gongcrm: its commands, options and their values.",
                "bash: source <(gongcrm completion bash) in ~/.bashrc; zsh: source <(gongcrm completion zsh) "
                        + "in ~/.zshrc (the script turns on zsh's bash completion). The distribution also has it as "
                        + "completion/gongcrm.bash."},
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script serves: picocli writes one script that both run. */
    static final class Shells extends java.util.ArrayList<String> {
        Shells() {
            super(java.util.List.of("bash", "zsh"));
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "${COMPLETION-CANDIDATES}.")
    String shell;

    @Override
    public Integer call() {
        if (!new Shells().contains(shell)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no completion for shell '" + shell
                    + "'; use bash or zsh" + DidYouMean.hint(shell, new Shells()));
        }
        spec.commandLine().getOut().print(script((GongCrm) spec.root().userObject()));
        return 0;
    }

    /** The completion script of every command, whichever one this run was built with. */
    static String script(GongCrm root) {
        return withOwnInstallation(AutoComplete.bash("gongcrm", GongCrm.commandLine(root, null)));
    }

    /**
     * picocli's header tells to source every *_completion file of $YOUR_APP_HOME/bin from ~/.bash_profile,
     * which is not how gongcrm is installed: the header says this command's way instead.
     */
    static String withOwnInstallation(String script) {
        int from = script.indexOf("# Installation\n");
        int to = script.indexOf("# Documentation\n");
        if (from < 0 || to < from) {
            return script;
        }
        return script.substring(0, from) + "# Installation\n# ------------\n#\n"
                + "#   bash: source <(gongcrm completion bash) in ~/.bashrc\n"
                + "#   zsh:  source <(gongcrm completion zsh) in ~/.zshrc\n"
                + "#   or, from the distribution: source completion/gongcrm.bash\n#\n" + script.substring(to);
    }
}
