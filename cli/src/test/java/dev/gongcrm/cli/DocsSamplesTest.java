package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The samples of the README and docs/ are what users see: every {@code $ ./gongcrm ...} line of a text block
 * is run, on a copy of {@code examples/} (a sample may write there), and what it printed (standard output and
 * error, as a terminal shows them) must be the lines the page shows under it, where {@code ...} stands for
 * lines left out and times may differ. A block the page marks {@code <!-- not run: why -->} is left to the
 * test that says why (a push needs Gong: PushSampleTest, the Maven ITs).
 */
class DocsSamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final String COMMAND = "$ ./gongcrm ";
    private static final String NOT_RUN = "<!-- not run: ";

    @TempDir
    Path folder;

    /** One command of a page and the lines shown under it; the commands of one block run one after another. */
    record Sample(String where, String block, String command, List<String> shown) {
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The samples of a page's text blocks, but those it marks not run. */
    static List<Sample> samples(String name, String page) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = page.split("\n", -1);
        String previous = "";
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].equals("```text")) {
                if (!lines[i].isBlank()) {
                    previous = lines[i];
                }
                continue;
            }
            boolean run = !previous.startsWith(NOT_RUN);
            String block = name + ":" + (i + 1);
            Sample open = null;
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                if (lines[i].startsWith("$ ")) {
                    open = run && lines[i].startsWith(COMMAND) ? new Sample(name + ":" + (i + 1), block,
                            lines[i].substring(COMMAND.length()).replaceAll("\\s+#.*$", "").strip(), new ArrayList<>())
                            : null;
                    if (open != null) {
                        samples.add(open);
                    }
                } else if (open != null) {
                    open.shown().add(lines[i]);
                }
            }
            previous = "";
        }
        return samples;
    }

    /** The words of a command line: split at spaces, quotes kept together and taken off. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Whether the output shows the lines: each run of lines between two {@code ...} appears whole, in order;
     * the first run starts the output and the last ends it unless a {@code ...} stands there.
     */
    static boolean shows(List<String> output, List<String> shown) {
        List<String> expected = new ArrayList<>(shown);
        while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
            expected.remove(expected.size() - 1);
        }
        List<String> actual = new ArrayList<>(output);
        while (!actual.isEmpty() && actual.get(actual.size() - 1).isBlank()) {
            actual.remove(actual.size() - 1);
        }
        List<List<String>> runs = new ArrayList<>();
        runs.add(new ArrayList<>());
        for (String line : expected) {
            if (line.equals("...")) {
                runs.add(new ArrayList<>());
            } else {
                runs.get(runs.size() - 1).add(steady(line));
            }
        }
        List<String> lines = actual.stream().map(DocsSamplesTest::steady).toList();
        int at = 0;
        for (int r = 0; r < runs.size(); r++) {
            List<String> run = runs.get(r);
            boolean first = r == 0;
            boolean last = r == runs.size() - 1;
            int found = -1;
            for (int start = at; start + run.size() <= lines.size(); start++) {
                if (lines.subList(start, start + run.size()).equals(run)
                        && (!last || start + run.size() == lines.size())) {
                    found = start;
                    break;
                }
                if (first) {
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            at = found + run.size();
        }
        return true;
    }

    private static String steady(String line) {
        return line.replaceAll(" in \\d+\\.\\ds", " in 0.0s").stripTrailing();
    }

    /**
     * Runs a sample on its block's copy of examples/ (made for the block's first command), paths in and out
     * translated, standard output and error as one.
     */
    private List<String> output(Sample sample) throws IOException {
        Path work = folder.resolve("block-" + Integer.toHexString(sample.block().hashCode()));
        if (!Files.exists(work)) {
            copy(ROOT.resolve("examples"), work.resolve("examples"));
        }
        List<String> args = new ArrayList<>();
        for (String word : words(sample.command())) {
            args.add(word.startsWith("examples/") || word.startsWith("/tmp/")
                    ? work.resolve(word.startsWith("/") ? word.substring(1) : word).toString() : word);
        }
        StringWriter printed = new StringWriter();
        PrintWriter both = new PrintWriter(printed);
        GongCrm.run(args.toArray(String[]::new), both, both, Map.of());
        String text = printed.toString().replace(work.resolve("tmp") + "/", "/tmp/").replace(work + "/", "");
        return List.of(text.split("\n", -1));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    void everySampleCommandPrintsWhatItsPageShows() throws IOException {
        List<String> wrong = new ArrayList<>();
        int run = 0;
        for (Path page : pages()) {
            for (Sample sample : samples(ROOT.relativize(page).toString(), Files.readString(page))) {
                run++;
                List<String> output = output(sample);
                if (!shows(output, sample.shown())) {
                    wrong.add(sample.where() + ": gongcrm " + sample.command() + "\n--- the page shows:\n"
                            + String.join("\n", sample.shown()) + "\n--- it prints:\n" + String.join("\n", output));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(run >= 5, "the samples are found (" + run + ")");
    }

    @Test
    void aSampleThatNoLongerMatchesIsCaught() {
        List<String> printed = List.of("a", "b in 1.2s", "c", "d", "");
        assertTrue(shows(printed, List.of("a", "b in 0.3s", "c", "d")), "times may differ");
        assertTrue(shows(printed, List.of("a", "...", "d", "")), "... leaves lines out");
        assertTrue(!shows(printed, List.of("a", "c", "d")), "a line left out without ...");
        assertTrue(!shows(printed, List.of("a", "b", "...")), "a line that differs");
        assertTrue(!shows(printed, List.of("...", "c")), "the last shown line must end the output");
        assertEquals(List.of("fix", "examples/x y", "--out", "/tmp/fixed"), words("fix 'examples/x y' --out /tmp/fixed"));
        List<Sample> found = samples("page.md", "<!-- not run: needs Gong -->\n\n```text\n$ ./gongcrm push x\nok\n```\n"
                + "```text\n$ ./gongcrm validate x   # exit 1\nFound 1 error\n$ head -1 x\n{}\n```\n");
        assertEquals(List.of(new Sample("page.md:8", "page.md:7", "validate x", List.of("Found 1 error"))), found);
        assertThrows(IndexOutOfBoundsException.class, () -> found.get(1));
    }
}
