package dev.gongcrm.cli;

import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.validator.config.BundleConfig;

import java.nio.file.Path;

/**
 * The ledger a command uses: the one {@code --ledger} names (a file, or a PostgreSQL URL), else the
 * one {@code gongcrm.json} names, else {@code .gongcrm/ledger.db} in the first bundle folder.
 */
final class LedgerChoice {

    static final String OPTION_HELP = "The ledger of this integration's pushes: an SQLite FILE (default: "
            + "gongcrm.json's \"ledger\", else .gongcrm/ledger.db in the first bundle folder), or a PostgreSQL URL "
            + "(postgresql://USER@HOST:5432/DATABASE, or the JDBC form) that several runners share; its password "
            + "comes from " + LedgerLocation.PASSWORD_VARIABLE + ", PGPASSWORD or ~/.pgpass, never from the URL.";

    private LedgerChoice() {
    }

    /** {@code given}: what --ledger says, or null (or empty: the default). */
    static LedgerLocation location(String given, ValidationOptions options, Path firstBundle) {
        return location(given, options.settings(), firstBundle);
    }

    static LedgerLocation location(String given, BundleConfig settings, Path firstBundle) {
        return LedgerLocation.choose(given, settings, null, Ledger.defaultLocation(firstBundle));
    }

    /** The ledger's file, which no report may overwrite; none for a database. */
    static Path file(LedgerLocation location) {
        return location instanceof LedgerLocation.SqliteFile file ? file.file() : null;
    }
}
