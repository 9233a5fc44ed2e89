package dev.gongcrm.cli;

import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The push round trip is what users see: the first push of a copy of the example bundle, run against the
 * emulator, prints the README's sample, and the three pushes after it print docs/push.md's, but for the
 * times, which vary.
 */
class PushSampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String FIRST_PUSH = "<!-- the first push: PushSampleTest runs these commands and compares -->";
    private static final Path PUSH_PAGE = Path.of("..", "docs", "push.md");
    private static final String SYNC = "<!-- the sync sample: PushSampleTest runs these commands and compares -->";
    private static final String RESULTS = "<!-- the results sample: PushSampleTest compares it with the last push's results file -->";
    private static final String BROKEN = "<!-- the broken push: PushSampleTest runs it and compares -->";

    @TempDir
    Path folder;

    private Emulator emulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(30)).build().start();
        environment = EmulatorEnvironment.of(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        int exit = GongCrm.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()), environment);
        assertEquals(0, exit, out::toString);
        return out.toString();
    }

    /** Times and dates vary from run to run; everything else, ids included, is the same every time. */
    private static String steady(String text) {
        return text.replaceAll(" in \\d+\\.\\ds", " in 0.0s").replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ",
                "2026-01-01T00:00:00Z").strip();
    }

    /** The text block that follows the marker line in the page. */
    private static String sample(Path page, String marker) throws Exception {
        String text = Files.readString(page);
        assertTrue(text.contains(marker + "\n```text\n"), page + " has its sample after " + marker);
        return text.split(marker + "\n```text\n", 2)[1].split("```", 2)[0];
    }

    /** What the test printed, with the temporary folder left out as the samples' relative paths have it. */
    private String shown(CharSequence printed) {
        return printed.toString().replace(folder.toAbsolutePath() + java.io.File.separator, "");
    }

    @Test
    void theFirstPushPrintsTheReadmesSampleAndTheThreeAfterItThePushPages() throws Exception {
        run("integration", "register", "--name", "Home CRM", "--owner-email", "ops@example.com");
        Path crm = TestBundles.copy(TestBundles.VALID, folder.resolve("crm"));
        String bundle = crm.toString();

        String first = run("push", bundle, "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(steady(sample(README, FIRST_PUSH)), steady(shown(first)));

        StringBuilder printed = new StringBuilder();
        printed.append(run("push", bundle, "--poll-interval", "10ms")).append('\n');
        Path leads = crm.resolve("leads.ldjson");
        Files.writeString(leads, Files.readString(leads).replace("\"Bob\"", "\"Robert\""));
        printed.append(run("push", bundle, "--dry-run")).append('\n');
        printed.append(run("push", bundle, "--poll-interval", "10ms", "--results",
                folder.resolve("results.csv").toString()));

        assertEquals(steady(sample(PUSH_PAGE, SYNC)), steady(shown(printed)));
        String results = shown(Files.readString(folder.resolve("results.csv")));
        assertTrue(DocsSamplesTest.shows(List.of(results.split("\n")),
                List.of(sample(PUSH_PAGE, RESULTS).split("\n"))), results);

        Path broken = TestBundles.copy(Path.of("..", "examples", "broken-bundle"), folder.resolve("examples/broken-bundle"));
        StringWriter both = new StringWriter();
        PrintWriter terminal = new PrintWriter(both);
        assertEquals(1, GongCrm.run(new String[] {"push", broken.toString()}, terminal, terminal, environment));
        assertTrue(DocsSamplesTest.shows(List.of(shown(both.toString()).split("\n")), List.of(sample(PUSH_PAGE, BROKEN).split("\n"))),
                shown(both.toString()));
    }
}
