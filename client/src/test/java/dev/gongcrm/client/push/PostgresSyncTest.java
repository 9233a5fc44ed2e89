package dev.gongcrm.client.push;

/** {@link SyncTest} with a PostgreSQL ledger: one behaviour, two stores. */
class PostgresSyncTest extends SyncTest {

    @Override
    Ledger openLedger() {
        return PostgresLedgers.open(PostgresServer.database());
    }
}
