package dev.gongcrm.cli;

import dev.gongcrm.client.push.PostgresLedgers;
import dev.gongcrm.client.push.PostgresServer;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@link KilledPushTest} with the ledger in PostgreSQL: the killed push's connection dies with it, and
 * its hold on the integration with the connection, so the resumed push does not wait for it.
 */
class PostgresKilledPushTest extends KilledPushTest {

    private PostgresServer.Database database;

    @BeforeEach
    void createDatabase() {
        database = PostgresServer.database();
    }

    @Override
    String ledger() {
        return PostgresLedgers.url(database);
    }

    @Override
    Map<String, String> ledgerEnvironment() {
        return PostgresLedgers.environment(database);
    }

    @Override
    Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    String insertionOrder() {
        return "seq";
    }
}
