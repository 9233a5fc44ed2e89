package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerLocation;

import java.util.Map;

/** A PostgreSQL ledger in a test database, named by URL as a user names it, its password from the environment. */
final class PostgresLedgers {

    private PostgresLedgers() {
    }

    static LedgerLocation location(PostgresServer.Database database) {
        return LedgerLocation.parse("postgresql://" + database.user() + "@127.0.0.1:" + database.port() + "/"
                + database.name(), null);
    }

    static Map<String, String> environment(PostgresServer.Database database) {
        return Map.of(LedgerLocation.PASSWORD_VARIABLE, database.password());
    }

    static Ledger open(PostgresServer.Database database) {
        return Ledger.open(location(database), environment(database));
    }
}
