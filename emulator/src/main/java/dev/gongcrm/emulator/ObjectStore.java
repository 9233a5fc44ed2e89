package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The objects the emulated Gong holds, in an SQLite file of the emulator's work folder: the heap
 * holds none of them, so a long run of large uploads does not grow it. Objects are kept as the JSON
 * text they were uploaded with. One connection; callers take turns (every method is synchronized,
 * and a {@link Batch} holds the store until it is closed).
 */
final class ObjectStore implements AutoCloseable {

    /** Rows written per transaction by a batch: bounds the journal, lets readers in between. */
    private static final int ROWS_PER_TRANSACTION = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection db;
    private final PreparedStatement select;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    /** Rows written in the open transaction. */
    private int pending;

    ObjectStore(Path file) {
        db = ScratchDatabase.open(file, "object store", "CREATE TABLE IF NOT EXISTS objects (type TEXT NOT NULL, "
                + "id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (type, id)) WITHOUT ROWID");
        try {
            select = db.prepareStatement("SELECT json FROM objects WHERE type = ? AND id = ?");
            upsert = db.prepareStatement("INSERT OR REPLACE INTO objects (type, id, json) VALUES (?, ?, ?)");
            delete = db.prepareStatement("DELETE FROM objects WHERE type = ? AND id = ?");
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The object of this type and id, or null. */
    synchronized JsonNode get(ObjectType type, String id) {
        try {
            select.setString(1, type.name());
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? JSON.readTree(row.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Stores (or replaces) one object. */
    synchronized void put(ObjectType type, String id, String json) {
        try (Batch batch = batch()) {
            batch.put(type, id, json);
        }
    }

    /** Drops every object (the integration was deleted). */
    synchronized void clear() {
        try (Statement statement = db.createStatement()) {
            statement.execute("DELETE FROM objects");
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Writes of one upload, committed every few thousand rows and when closed. */
    Batch batch() {
        return new Batch();
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // the file goes with the work folder
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("the emulator's object store failed: " + e.getMessage(), e);
    }

    /**
     * Puts and deletes in transactions of about {@link #ROWS_PER_TRANSACTION} rows; the store is free for
     * others between two writes. The transaction is the store's, not the batch's: batches of two threads
     * share it, and whichever closes first commits both so far.
     */
    final class Batch implements AutoCloseable {

        void put(ObjectType type, String id, String json) {
            write(upsert, type, id, json);
        }

        void delete(ObjectType type, String id) {
            write(delete, type, id, null);
        }

        private void write(PreparedStatement statement, ObjectType type, String id, String json) {
            synchronized (ObjectStore.this) {
                try {
                    if (db.getAutoCommit()) {
                        db.setAutoCommit(false);
                    }
                    statement.setString(1, type.name());
                    statement.setString(2, id);
                    if (json != null) {
                        statement.setString(3, json);
                    }
                    statement.executeUpdate();
                    if (++pending >= ROWS_PER_TRANSACTION) {
                        commit();
                    }
                } catch (SQLException e) {
                    rollback();
                    throw failure(e);
                }
            }
        }

        @Override
        public void close() {
            synchronized (ObjectStore.this) {
                try {
                    commit();
                } catch (SQLException e) {
                    rollback();
                    throw failure(e);
                }
            }
        }
    }

    /** Commits the open transaction, if any. */
    private void commit() throws SQLException {
        if (!db.getAutoCommit()) {
            db.commit();
            db.setAutoCommit(true);
        }
        pending = 0;
    }

    private void rollback() {
        try {
            if (!db.getAutoCommit()) {
                db.rollback();
                db.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection stays usable or the next call says why
        }
        pending = 0;
    }
}
