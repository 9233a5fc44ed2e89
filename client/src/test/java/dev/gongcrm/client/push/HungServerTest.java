package dev.gongcrm.client.push;

import dev.gongcrm.client.Credentials;
import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.MisbehavingServer;
import dev.gongcrm.client.MisbehavingServer.Behaviour;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A push against servers that stop answering: headers and then nothing, an answer dripped a byte a
 * second, an upload body never read. The step's deadline ({@code push --timeout}) bounds every attempt
 * of it, whatever the client's per-call timeouts (left at their defaults of a minute here, with five
 * retries), and the message says that the server stopped answering. The bounds asserted are loose
 * (many times the deadline) but far below what the per-call timeouts alone would allow.
 */
class HungServerTest {

    private static final long INTEGRATION = 1234;
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String ACCEPTED = "{\"requestId\": \"r1\", \"clientRequestId\": \"c\"}";
    private static final String DONE = "{\"requestId\": \"r1\", \"status\": \"DONE\", \"errors\": []}";
    private static final String ACCOUNT = "{\"objectId\": \"a%d\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account %d\", \"domains\": [\"a%d.example.com\"]}";

    @TempDir
    Path folder;

    private Path accounts(int count) throws Exception {
        Path file = folder.resolve("accounts.ldjson");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                out.write(String.format(ACCOUNT, i, i, i));
                out.newLine();
            }
        }
        return file;
    }

    private static Function<String, Behaviour> uploadThen(Behaviour upload, Behaviour status) {
        return line -> line.contains("/request-status") ? status : upload;
    }

    private static GongCrmClient.Builder client(MisbehavingServer server) {
        return GongCrmClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.basic("key", "secret"))
                .callsPerSecond(0).backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    /** Pushes the file with the given deadline per step; returns the error it ends with. */
    private GongApiException pushFails(Function<String, Behaviour> behaviour, Path file) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(behaviour);
             GongCrmClient gong = client(server).build();
             Ledger ledger = Ledger.open(folder.resolve("ledger.db"))) {
            PushRunner.Settings settings = PushRunner.Settings.defaults().withTimeout(DEADLINE)
                    .withPollInterval(Duration.ofMillis(50)).withTime(Clock.systemUTC(), Sleeper.REAL);
            Push.Request request = new Push.Request(new BundleScanner(Map.of()).scan(List.of(file)), Validator.builder(),
                    "legacy", Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, false);
            GongApiException error = assertTimeoutPreemptively(BOUND, () -> assertThrows(GongApiException.class,
                    () -> Push.run(gong, ledger, request, settings, PushListener.NONE)));
            assertTrue(ledger.steps(INTEGRATION).stream().noneMatch(step -> StepRecord.DONE.equals(step.status())),
                    ledger.steps(INTEGRATION)::toString);
            return error;
        }
    }

    @Test
    void aStatusAnsweredWithHeadersAndThenNothingEndsAtTheDeadline() throws Exception {
        GongApiException error = pushFails(uploadThen(new MisbehavingServer.Answer(200, ACCEPTED),
                new MisbehavingServer.HeadersThenNothing()), accounts(3));
        assertTrue(error.getMessage().contains("did not finish within its deadline of 2 s: the server stopped "
                + "answering"), error.getMessage());
    }

    @Test
    void aStatusDrippedAByteASecondEndsAtTheDeadline() throws Exception {
        GongApiException error = pushFails(uploadThen(new MisbehavingServer.Answer(200, ACCEPTED),
                new MisbehavingServer.Drip()), accounts(3));
        assertTrue(error.getMessage().contains("the server stopped answering"), error.getMessage());
    }

    @Test
    void anUploadAnsweredWithHeadersAndThenNothingEndsAtTheDeadline() throws Exception {
        GongApiException error = pushFails(uploadThen(new MisbehavingServer.HeadersThenNothing(),
                new MisbehavingServer.Answer(200, DONE)), accounts(3));
        assertTrue(error.getMessage().contains("POST /v2/crm/object/entities did not finish within its deadline"),
                error.getMessage());
    }

    @Test
    void anUploadTheServerStopsReadingEndsAtTheDeadline() throws Exception {
        GongApiException error = pushFails(uploadThen(new MisbehavingServer.NeverReadsBody(),
                new MisbehavingServer.Answer(200, DONE)), accounts(300_000));
        assertTrue(error.getMessage().contains("the upload was still being sent"), error.getMessage());
    }

    /** Without a deadline, a transfer that stops moving is a timeout however large the file, then retried. */
    @Test
    void aStalledUploadIsATimeoutOfItsOwn() throws Exception {
        Path file = accounts(300_000);
        try (MisbehavingServer server = new MisbehavingServer(line -> new MisbehavingServer.NeverReadsBody());
             GongCrmClient gong = client(server).stallTimeout(Duration.ofSeconds(1)).maxRetries(1).build()) {
            GongApiException error = assertTimeoutPreemptively(BOUND, () -> assertThrows(GongApiException.class,
                    () -> gong.uploadObjects(file, "stalled-1", INTEGRATION, ObjectType.ACCOUNT)));
            assertTrue(error.getMessage().contains("the upload stalled: the server took no byte for 1 s after 2 "
                    + "attempt(s)"), error.getMessage());
            assertEquals(2, server.requests().size(), server.requests()::toString);
        }
    }

    /** A connection closed under an upload says so, in words, not in HttpClient's parser limits. */
    @Test
    void aConnectionClosedMidBodySaysTheServerClosedIt() throws Exception {
        Path file = accounts(50_000);
        try (MisbehavingServer server = new MisbehavingServer(line -> new MisbehavingServer.ClosesMidBody());
             GongCrmClient gong = client(server).maxRetries(1).build()) {
            GongApiException error = assertTimeoutPreemptively(BOUND, () -> assertThrows(GongApiException.class,
                    () -> gong.uploadObjects(file, "closed-1", INTEGRATION, ObjectType.ACCOUNT)));
            assertTrue(error.getMessage().contains("the server closed the connection"), error.getMessage());
            assertFalse(error.getMessage().contains("Exception"), error.getMessage());
        }
    }
}
