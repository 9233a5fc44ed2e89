package dev.gongcrm.client.ledger;

import dev.gongcrm.validator.config.BundleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which ledger a run uses, for the command line and the Maven goal alike: named, else configured, else the default. */
class LedgerChoiceTest {

    @TempDir
    Path folder;

    @Test
    void theNamedLedgerWinsThenTheConfigurationsThenTheDefault() throws Exception {
        Path otherwise = folder.resolve(".gongcrm/ledger.db");
        Path project = Files.createDirectories(folder.resolve("project"));
        assertEquals(new LedgerLocation.SqliteFile(project.resolve("pushes.db")),
                LedgerLocation.choose("pushes.db", BundleConfig.NONE, project, otherwise), "relative to the base");
        assertEquals(new LedgerLocation.SqliteFile(Path.of("pushes.db")),
                LedgerLocation.choose("pushes.db", BundleConfig.NONE, null, otherwise), "as given, without a base");
        assertInstanceOf(LedgerLocation.Postgres.class,
                LedgerLocation.choose("postgresql://gongcrm@db:5432/gongcrm", BundleConfig.NONE, project, otherwise));

        Path config = Files.writeString(folder.resolve("bundle-gongcrm.json"), "{\"ledger\": \"ledgers/crm.db\"}");
        BundleConfig settings = BundleConfig.read(config);
        assertEquals(new LedgerLocation.SqliteFile(folder.toAbsolutePath().resolve("ledgers/crm.db")),
                LedgerLocation.choose(null, settings, project, otherwise), "the configuration's, from its folder");
        assertEquals(new LedgerLocation.SqliteFile(project.resolve("pushes.db")),
                LedgerLocation.choose("pushes.db", settings, project, otherwise), "the named one over the configuration's");
        assertEquals(new LedgerLocation.SqliteFile(otherwise), LedgerLocation.choose("", BundleConfig.NONE, project,
                otherwise), "an empty name is none");
    }
}
