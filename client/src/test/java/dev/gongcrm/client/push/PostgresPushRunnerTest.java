package dev.gongcrm.client.push;

import java.util.HashMap;
import java.util.Map;

/** {@link PushRunnerTest} with a PostgreSQL ledger: one behaviour, two stores. */
class PostgresPushRunnerTest extends PushRunnerTest {

    private final Map<String, PostgresServer.Database> databases = new HashMap<>();

    @Override
    Ledger openLedger(String name) {
        return PostgresLedgers.open(databases.computeIfAbsent(name, unused -> PostgresServer.database()));
    }
}
