package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Map;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManPagesTest {

    private static final CommandLine COMMANDS = GongCrm.commandLine(new GongCrm(Map.of(), false), null);

    @Test
    void textIsLiteralForTroff() {
        assertEquals("\\-\\-format=csv=a\\e,b.csv", ManPages.text("--format=csv=a\\,b.csv"));
        assertEquals("\\&.ldjson files", ManPages.text(".ldjson files"), "a leading dot is no request");
        assertEquals("\\&'quoted'", ManPages.text("'quoted'"));
    }

    @Test
    void eachCommandsPageHasEveryOptionItsHelpHas() {
        Map<String, String> pages = ManPages.of(COMMANDS);
        COMMANDS.getSubcommands().forEach((name, command) -> {
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                return;
            }
            String page = pages.get("gongcrm-" + name + ".1");
            assertTrue(page.contains(".SH NAME\ngongcrm\\-" + ManPages.text(name) + " \\- "), name);
            command.getCommandSpec().options().stream().filter(option -> !option.hidden())
                    .flatMap(option -> Arrays.stream(option.names()))
                    .forEach(option -> assertTrue(page.contains("\\fB" + ManPages.text(option) + "\\fR"),
                            name + " " + option));
        });
        assertTrue(pages.get("gongcrm.1").contains(".SH COMMANDS\n.TP\n\\fBvalidate\\fR\n"));
    }

    @Test
    void completionServesBashAndZshAndNamesTheOthersUnknown() {
        Run bash = run("completion", "bash");
        assertEquals(0, bash.exit(), bash.err());
        assertTrue(bash.out().contains("complete -F _complete_gongcrm") && bash.out().contains("ZSH_VERSION"),
                "one script, which zsh runs through bashcompinit");
        assertEquals(bash.out(), run("completion", "zsh").out());
        assertTrue(bash.out().contains("#   bash: source <(gongcrm completion bash) in ~/.bashrc")
                && !bash.out().contains("YOUR_APP_HOME"), "the header says how gongcrm's script is installed");
        Run fish = run("completion", "fihs");
        assertEquals(2, fish.exit());
        assertTrue(fish.err().startsWith("gongcrm: error: no completion for shell 'fihs'; use bash or zsh"), fish.err());
    }
}
