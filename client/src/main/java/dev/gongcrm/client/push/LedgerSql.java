package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerDatabase;
import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.ledger.LedgerLocation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the parts of a ledger (its steps, objects, runs and holds) talk to its database, on either store:
 * queries, changes each in one transaction, and failures as one line.
 */
final class LedgerSql {

    final LedgerDatabase database;
    final Connection db;
    /** The column that orders steps as they were recorded (SQLite's rowid, PostgreSQL's seq). */
    final String order;
    /** The version of the ledger's tables: older than {@link Ledger#VERSION} only for an older ledger that is only read. */
    int tables = Ledger.VERSION;

    LedgerSql(LedgerDatabase database) {
        this.database = database;
        this.db = database.connection();
        this.order = database.dialect().orderColumn();
    }

    LedgerLocation location() {
        return database.location();
    }

    boolean sqlite() {
        return database.dialect() == LedgerDatabase.Dialect.SQLITE;
    }

    /**
     * The columns to read of a table, with what an older ledger that is only read lacks: runs came with
     * version 2, users' addresses with version 3, objects' fates with version 4 (all were stored then),
     * the hashes of their lines and the steps' pending objects with version 5.
     */
    String readable(String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(", ")).map(this::readableColumn).toList());
    }

    private String readableColumn(String column) {
        if (tables < 5 && (column.equals("line_hash") || column.equals("pending_objects"))) {
            return "NULL";
        }
        if (tables < 4) {
            switch (column) {
                case "value_hash", "error", "tombstone" -> {
                    return "NULL";
                }
                case "outcome" -> {
                    return "'STORED'";
                }
                default -> { }
            }
        }
        return tables < 3 && (column.equals("email_address") || column.equals("run_id")) ? "NULL" : column;
    }

    /** The condition on objects that Gong holds: an older ledger records no other kind. */
    String stored() {
        return tables < 4 ? "1 = 1" : "outcome = 'STORED'";
    }

    long rows(String table) throws SQLException {
        try (Statement count = db.createStatement();
             ResultSet result = count.executeQuery("SELECT count(*) FROM " + table)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException, IOException;
    }

    void query(String sql, Binder binder, RowReader reader) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    void update(String sql, Binder binder) {
        transaction(() -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                binder.bind(statement);
                statement.executeUpdate();
            }
        });
    }

    /**
     * Runs the work in one transaction. Its own error is the one reported: SQLite rolls back by itself
     * after some failures (a full disk), and the rollback or the return to autocommit that follow then
     * fail too ("no transaction is active"), which would hide why.
     */
    void transaction(Work work) {
        Exception failed = null;
        try {
            db.setAutoCommit(false);
            work.run();
            db.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            failed = e;
            rollBack(e);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed instanceof SQLException e) {
            throw failure(e);
        }
        if (failed instanceof IOException e) {
            throw new LedgerException("cannot record in ledger " + database.location().describe() + ": " + Ledger.describe(e), e);
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
    }

    /**
     * Rolls back after {@code cause}, which stays the error: SQLite has already rolled back after some
     * failures (a full disk), and its "no transaction is active" would hide why.
     */
    private void rollBack(Exception cause) {
        try {
            db.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    LedgerException failure(SQLException e) {
        return database.failure(e);
    }
}
