package dev.gongcrm.cli;

import dev.gongcrm.client.push.PostgresLedgers;
import dev.gongcrm.client.push.PostgresServer;
import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/ci.md's jobs run the commands this test runs: each section's gongcrm command lines, as written, with
 * only the runner's things swapped for the test's (the export folder, the ledger's host, report files in a
 * temporary folder), against the emulator and a PostgreSQL ledger.
 */
class CiPageTest {

    private static final Path PAGE = Path.of("..", "docs", "ci.md");
    private static final Pattern COMMAND = Pattern.compile("gongcrm (validate|push) [^'\\n]*");

    @TempDir
    Path folder;

    private PostgresServer.Database database;
    private Emulator emulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        database = PostgresServer.database();
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).build().start();
        environment = EmulatorEnvironment.of(emulator);
        environment.putAll(PostgresLedgers.environment(database));
        assertEquals(0, Run.runIn(environment, "integration", "register", "--name", "Home CRM", "--owner-email",
                "ops@example.com").exit());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The command lines of one section of the page, in order. */
    private static List<String> commands(String section) throws Exception {
        String page = Files.readString(PAGE);
        String text = page.split("\n## " + section + "\n", 2)[1].split("\n## ", 2)[0];
        List<String> commands = new ArrayList<>();
        Matcher matcher = COMMAND.matcher(text);
        while (matcher.find()) {
            commands.add(matcher.group().strip());
        }
        return commands;
    }

    /** A command line as the runner's shell splits it, with the test's folders and ledger in place. */
    private String[] arguments(String command, Path exports) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command.substring("gongcrm ".length()));
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        for (int i = 0; i < words.size(); i++) {
            String value = words.get(i);
            String previous = i == 0 ? "" : words.get(i - 1);
            if (value.equals("exports/")) {
                words.set(i, exports.toString());
            } else if (previous.equals("--ledger")) {
                assertTrue(value.startsWith("postgresql://gongcrm@$LEDGER_HOST:5432/gongcrm"), value);
                words.set(i, PostgresLedgers.url(database));
            } else if (previous.equals("--format") && value.contains("=")) {
                words.set(i, value.substring(0, value.indexOf('=') + 1) + folder.resolve(value.substring(value.indexOf('=') + 1)));
            } else if (previous.equals("--results")) {
                words.set(i, folder.resolve(value).toString());
            }
        }
        return words.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GitHub Actions", "GitLab CI", "Jenkins"})
    void eachPlatformsJobsValidateAndPushAsWritten(String platform) throws Exception {
        List<String> commands = commands(platform);
        assertEquals(List.of("validate", "push"), commands.stream().map(command -> command.split(" ")[1]).toList(),
                platform + ": " + commands);
        String validate = commands.get(0);
        String push = commands.get(1);

        Path broken = TestBundles.copy(Path.of("..", "examples", "broken-bundle"), folder.resolve("broken"));
        Run failing = Run.runIn(environment, (Object[]) arguments(validate, broken));
        assertEquals(1, failing.exit(), "a finding fails the check: " + failing.err());
        Path exports = TestBundles.copy(TestBundles.VALID, folder.resolve("exports"));
        Run passing = Run.runIn(environment, (Object[]) arguments(validate, exports));
        assertEquals(0, passing.exit(), passing.out() + passing.err());
        Arrays.stream(arguments(validate, exports)).filter(word -> word.contains("=" + folder))
                .forEach(report -> assertTrue(Files.isRegularFile(Path.of(report.substring(report.indexOf('=') + 1))),
                        report));

        Run first = Run.runIn(environment, (Object[]) arguments(push + " --settle 0s --poll-interval 10ms", exports));
        assertEquals(0, first.exit(), first.out() + first.err());
        Run second = Run.runIn(environment, (Object[]) arguments(push + " --poll-interval 10ms", exports));
        assertEquals(0, second.exit(), second.out() + second.err());
        List<String> results = Files.readAllLines(folder.resolve("push-results.csv"));
        assertTrue(results.size() > 1 && results.subList(1, results.size()).stream()
                .allMatch(row -> row.contains(",unchanged,")), "the next night sends nothing new: " + results);
    }
}
