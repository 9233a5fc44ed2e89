package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerLocation;

import java.util.Map;

/** A PostgreSQL ledger in a test database, named by URL as a user names it, its password from the environment. */
public final class PostgresLedgers {

    private PostgresLedgers() {
    }

    /** What a user gives {@code --ledger}: the role in the URL, the password left out. */
    public static String url(PostgresServer.Database database) {
        return "postgresql://" + database.user() + "@127.0.0.1:" + database.port() + "/" + database.name();
    }

    public static LedgerLocation location(PostgresServer.Database database) {
        return LedgerLocation.parse(url(database), null);
    }

    /** Where the password comes from: the environment, as in a CI job's secrets. */
    public static Map<String, String> environment(PostgresServer.Database database) {
        return Map.of(LedgerLocation.PASSWORD_VARIABLE, database.password());
    }

    public static Ledger open(PostgresServer.Database database) {
        return Ledger.open(location(database), environment(database));
    }
}
