package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger whose disk fills up says so, and where, instead of SQLite's "no transaction is active"
 * from the second rollback of a transaction SQLite had already rolled back. A page limit stands for
 * the full disk: SQLite answers both with the same SQLITE_FULL.
 */
class LedgerDiskFullTest {

    private static final String ACCOUNT = "{\"objectId\": \"a%d\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account %d\", \"domains\": [\"a%d.example.com\"]}";

    @TempDir
    Path folder;

    @Test
    void aFullDiskUnderTheLedgerIsNamed() throws Exception {
        SQLiteConfig smallDisk = new SQLiteConfig();
        smallDisk.setMaxPageCount(12);
        Path file = folder.resolve("ledger.db");
        Path accounts = folder.resolve("accounts.ldjson");
        try (BufferedWriter out = Files.newBufferedWriter(accounts)) {
            for (int i = 0; i < 5_000; i++) {
                out.write(String.format(ACCOUNT, i, i, i));
                out.newLine();
            }
        }
        try (Emulator emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).build().start();
             GongCrmClient gong = EmulatorClients.of(emulator).build();
             Ledger ledger = Ledger.open(file, smallDisk)) {
            gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
            PushRunner.Settings settings = PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10))
                    .withTime(Clock.systemUTC(), duration -> Thread.sleep(Math.min(duration.toMillis(), 10)));
            LedgerException full = assertThrows(LedgerException.class, () -> Push.run(gong, ledger,
                    new Push.Request(new BundleScanner(Map.of()).scan(List.of(accounts)), Validator.builder(), "legacy",
                            Severity.ERROR, Emulator.DEFAULT_INTEGRATION_ID, Planner.MAX_UPLOAD_BYTES, Duration.ZERO,
                            false), settings, PushListener.NONE));
            assertTrue(full.getMessage().startsWith("the disk holding ledger " + file + " is full ("
                    + folder.toAbsolutePath()), full.getMessage());
            assertFalse(full.getMessage().contains("no transaction is active"), full.getMessage());
        }
    }
}
