package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command a message, a help text, the README or a page of docs/ tells users to run exists: a quoted
 * {@code 'gongcrm NAME ...'} (or {@code `gongcrm NAME`}, {@code ./gongcrm NAME}) names a command, and
 * a second word names one of its subcommands when it has any.
 */
class NamedCommandsTest {

    private static final Pattern NAMED = Pattern.compile("(?:['`]|\\./)gongcrm ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?");
    private static final Path ROOT = Path.of("..");

    private static final CommandLine GONGCRM = GongCrm.commandLine(new GongCrm(Map.of(), false), null);

    /** The commands {@code text} names that do not exist. */
    private static List<String> missingCommands(String text) {
        List<String> missing = new ArrayList<>();
        Matcher matcher = NAMED.matcher(text);
        while (matcher.find()) {
            CommandLine command = GONGCRM.getSubcommands().get(matcher.group(1));
            if (command == null) {
                missing.add("gongcrm " + matcher.group(1));
            } else if (matcher.group(2) != null && !command.getSubcommands().isEmpty()
                    && !command.getSubcommands().containsKey(matcher.group(2))) {
                missing.add("gongcrm " + matcher.group(1) + " " + matcher.group(2));
            }
        }
        return missing;
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(page -> page.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        for (String module : List.of("validator-core", "client", "emulator", "cli", "maven-plugin")) {
            Path main = ROOT.resolve(module).resolve("src/main");
            if (Files.isDirectory(main)) {
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void everyNamedCommandExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int named = 0;
        List<Path> files = sources();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher matcher = NAMED.matcher(text);
            while (matcher.find()) {
                named++;
            }
            missingCommands(text).forEach(command -> missing.add(file + ": " + command));
        }
        assertEquals(List.of(), missing);
        assertTrue(named > 10, "the pattern finds the commands the sources name (" + named + ")");
        assertTrue(files.stream().anyMatch(file -> file.endsWith(Path.of("docs", "push.md"))), "the docs pages are read");
    }

    @Test
    void aCommandOrSubcommandThatDoesNotExistIsCaught() {
        assertEquals(List.of("gongcrm frobnicate", "gongcrm integration explode"), missingCommands(
                "lines are unsorted ('gongcrm frobnicate' sorts them); run `gongcrm integration explode` or "
                        + "'gongcrm integration register --name N' or 'gongcrm rules NAME'"));
    }
}
