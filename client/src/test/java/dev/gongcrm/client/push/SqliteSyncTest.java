package dev.gongcrm.client.push;

/** {@link SyncTest} with an SQLite ledger. */
class SqliteSyncTest extends SyncTest {

    @Override
    Ledger openLedger() {
        return Ledger.open(folder.resolve("ledger.db"));
    }
}
