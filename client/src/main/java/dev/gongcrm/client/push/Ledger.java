package dev.gongcrm.client.push;

import dev.gongcrm.client.model.LineError;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The record of what was pushed, per integration, in an SQLite file users can open with
 * {@code sqlite3}: every upload request and how it ended, every object Gong holds from them, and each
 * type's last uploaded schema. It makes a push resumable (a request in flight is polled, not sent
 * again), incremental (content already DONE is not sent again) and lets validation resolve references
 * to objects of earlier pushes. Each change is one transaction; one push at a time holds the ledger.
 */
public final class Ledger implements AutoCloseable {

    /**
     * The layout this code writes; a ledger of a higher version comes from a newer gongcrm. Version 2 added
     * {@code objects.email_address}: uniqueness checks against earlier pushes need users' addresses.
     */
    public static final int VERSION = 2;
    /** Marks the SQLite file as a gongcrm ledger ('gcrm'). */
    private static final int APPLICATION_ID = 0x6763726D;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 5_000;

    private final Path file;
    private final Connection db;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** False for a version 1 ledger opened read-only, which cannot be upgraded and records no addresses. */
    private boolean knowsEmailAddresses = true;

    private Ledger(Path file, Connection db, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.db = db;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Where a bundle's ledger lives unless the user names one: {@code .gongcrm/ledger.db} in the bundle folder. */
    public static Path defaultLocation(Path bundle) {
        Path folder = Files.isDirectory(bundle) ? bundle : bundle.toAbsolutePath().getParent();
        return folder.resolve(".gongcrm").resolve("ledger.db");
    }

    /**
     * Opens the ledger for a push, creating it (and its folder) when missing; refuses a corrupt or newer
     * one, and one another push holds.
     */
    public static Ledger open(Path file) {
        FileChannel channel = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            channel = FileChannel.open(parent.resolve(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException held) {
                lock = null;
            }
            if (lock == null) {
                throw new LedgerException("ledger " + file + " is in use by another gongcrm push; wait for it to end",
                        null);
            }
            boolean existed = Files.exists(file) && Files.size(file) > 0;
            return connect(file, new SQLiteConfig(), channel, lock, existed);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LedgerException("cannot open ledger " + file + ": " + describe(e), e);
        } catch (LedgerException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Opens an existing ledger to read what it knows (validation, a dry run): no lock, no writes. */
    public static Ledger openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LedgerException("no ledger at " + file + "; 'gongcrm push' writes it", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return connect(file, config, null, null, true);
    }

    /** The ledger to read for a dry run: the file when it exists, else an empty one kept nowhere. */
    public static Ledger openForReading(Path file) {
        return Files.exists(file) ? openReadOnly(file) : empty();
    }

    /** A ledger that knows nothing and is kept nowhere: a dry run of a bundle never pushed. */
    public static Ledger empty() {
        return connect(Path.of(":memory:"), new SQLiteConfig(), null, null, false);
    }

    private static Ledger connect(Path file, SQLiteConfig config, FileChannel channel, FileLock lock,
                                  boolean existed) {
        Ledger ledger = null;
        try {
            String location = file.toString().equals(":memory:") ? ":memory:" : file.toAbsolutePath().toString();
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + location, config.toProperties());
            ledger = new Ledger(file, db, channel, lock);
            ledger.prepare(existed);
            return ledger;
        } catch (SQLException e) {
            if (ledger != null) {
                ledger.close();
            } else {
                closeQuietly(channel);
            }
            throw failure(file, e);
        } catch (RuntimeException e) {
            if (ledger != null) {
                ledger.close();
            }
            throw e;
        }
    }

    /** "Corrupt" only when SQLite says so: that advice (move the file away) loses the record of earlier pushes. */
    private static LedgerException failure(Path file, SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xFF : -1;
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new LedgerException("ledger " + file + " is not a gongcrm ledger or is corrupt (" + e.getMessage()
                    + "); move it away to start a new one, which forgets what earlier pushes sent", e);
        }
        return new LedgerException("ledger " + file + ": " + e.getMessage(), e);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase() + " (" + e.getMessage() + ")";
    }

    private void prepare(boolean existed) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            int applicationId = intPragma(statement, "application_id");
            int version = intPragma(statement, "user_version");
            if (existed && applicationId != APPLICATION_ID) {
                throw new LedgerException("ledger " + file + " is an SQLite file, but not a gongcrm ledger; name "
                        + "another file with --ledger", null);
            }
            if (version > VERSION) {
                throw new LedgerException("ledger " + file + " was written by a newer gongcrm (ledger version " + version
                        + "; this one reads up to " + VERSION + "); upgrade gongcrm", null);
            }
            if (version == VERSION) {
                return;
            }
            if (version == 1 && db.isReadOnly()) {
                knowsEmailAddresses = false;
                return;
            }
            if (version == 1) {
                upgradeFromVersion1(statement);
                return;
            }
            if (db.isReadOnly()) {
                throw new LedgerException("ledger " + file + " is not a gongcrm ledger", null);
            }
            db.setAutoCommit(false);
            statement.execute("""
                    CREATE TABLE steps (
                      integration_id    INTEGER NOT NULL,
                      client_request_id TEXT    NOT NULL,
                      file              TEXT,
                      content_hash      TEXT    NOT NULL,
                      kind              TEXT    NOT NULL,
                      object_type       TEXT    NOT NULL,
                      part              INTEGER NOT NULL,
                      bytes             INTEGER NOT NULL,
                      objects           INTEGER NOT NULL,
                      status            TEXT    NOT NULL,
                      request_id        TEXT,
                      started_at        TEXT    NOT NULL,
                      accepted_at       TEXT,
                      finished_at       TEXT,
                      errors            TEXT,
                      PRIMARY KEY (integration_id, client_request_id))""");
            statement.execute("CREATE INDEX steps_by_content ON steps (integration_id, content_hash)");
            statement.execute("""
                    CREATE TABLE objects (
                      integration_id    INTEGER NOT NULL,
                      object_type       TEXT    NOT NULL,
                      object_id         TEXT    NOT NULL,
                      reference_key     TEXT,
                      email_address     TEXT,
                      modified_date     TEXT,
                      is_deleted        INTEGER NOT NULL,
                      is_inactive       INTEGER NOT NULL,
                      client_request_id TEXT    NOT NULL,
                      PRIMARY KEY (integration_id, object_type, object_id))""");
            statement.execute("""
                    CREATE TABLE schemas (
                      integration_id    INTEGER NOT NULL,
                      object_type       TEXT    NOT NULL,
                      content           TEXT    NOT NULL,
                      uploaded_at       TEXT    NOT NULL,
                      PRIMARY KEY (integration_id, object_type))""");
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + VERSION);
            db.commit();
        } catch (SQLException | RuntimeException e) {
            if (!db.getAutoCommit()) {
                db.rollback();
                db.setAutoCommit(true);
            }
            throw e;
        }
        db.setAutoCommit(true);
    }

    /** Adds what version 2 records to a version 1 ledger; the addresses of users pushed before stay unknown. */
    private void upgradeFromVersion1(Statement statement) throws SQLException {
        db.setAutoCommit(false);
        statement.execute("ALTER TABLE objects ADD COLUMN email_address TEXT");
        statement.execute("PRAGMA user_version = " + VERSION);
        db.commit();
        db.setAutoCommit(true);
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    public Path file() {
        return file;
    }

    /** The integrations this ledger has pushed to. */
    public List<Long> integrations() {
        List<Long> ids = new ArrayList<>();
        query("SELECT DISTINCT integration_id FROM steps ORDER BY integration_id", statement -> { },
                rows -> ids.add(rows.getLong(1)));
        return ids;
    }

    /** Every request for this content (type and integration included in the hash), newest first. */
    public List<StepRecord> stepsWithContent(long integrationId, String contentHash) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? AND content_hash = ? ORDER BY rowid DESC",
                statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, contentHash);
                }, rows -> steps.add(step(rows)));
        return steps;
    }

    /** Every request sent to the integration, in the order they were recorded. */
    public List<StepRecord> steps(long integrationId) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? ORDER BY rowid",
                statement -> statement.setLong(1, integrationId), rows -> steps.add(step(rows)));
        return steps;
    }

    /**
     * The newest DONE upload of this type from a file of this name (and part): what Gong holds from it
     * now, whatever else was sent before.
     */
    public Optional<StepRecord> latestDone(long integrationId, ObjectType type, String fileName, int part) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? AND object_type = ? AND part = ? AND status = ? "
                + "ORDER BY rowid DESC", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                    statement.setInt(3, part);
                    statement.setString(4, StepRecord.DONE);
                }, rows -> steps.add(step(rows)));
        return steps.stream().filter(step -> step.file() != null
                && Path.of(step.file()).getFileName().toString().equals(fileName)).findFirst();
    }

    /** The newest object or user mapping upload that ended DONE: one Gong must still know, unless the integration was reset. */
    public Optional<StepRecord> latestDoneUpload(long integrationId) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? AND kind IN (?, ?) AND status = ? "
                + "ORDER BY rowid DESC LIMIT 1", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, PlanStep.Kind.OBJECTS.name());
                    statement.setString(3, PlanStep.Kind.USER_MAPPING.name());
                    statement.setString(4, StepRecord.DONE);
                }, rows -> steps.add(step(rows)));
        return steps.stream().findFirst();
    }

    /**
     * Gong no longer holds what this ledger says it sent to the integration (the integration was
     * deleted and registered again, or an emulator restarted): its uploads stop counting as done
     * (kept, marked STALE, for the record) and the objects and schemas it knew are forgotten.
     */
    public void forgetUploads(long integrationId) {
        transaction(() -> {
            try (PreparedStatement steps = db.prepareStatement("UPDATE steps SET status = ? WHERE integration_id = ? "
                    + "AND status = ?");
                 PreparedStatement objects = db.prepareStatement("DELETE FROM objects WHERE integration_id = ?");
                 PreparedStatement schemas = db.prepareStatement("DELETE FROM schemas WHERE integration_id = ?")) {
                steps.setString(1, StepRecord.STALE);
                steps.setLong(2, integrationId);
                steps.setString(3, StepRecord.DONE);
                steps.executeUpdate();
                objects.setLong(1, integrationId);
                objects.executeUpdate();
                schemas.setLong(1, integrationId);
                schemas.executeUpdate();
            }
        });
    }

    /** Requests whose outcome the ledger has not learned yet (a push stopped while they were under way). */
    public List<StepRecord> inFlight(long integrationId) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? AND status IN (?, ?) ORDER BY rowid", statement -> {
            statement.setLong(1, integrationId);
            statement.setString(2, StepRecord.SENDING);
            statement.setString(3, StepRecord.ACCEPTED);
        }, rows -> steps.add(step(rows)));
        return steps;
    }

    /** Whether a request with this id was ever recorded (ids must not be reused). */
    public boolean known(long integrationId, String clientRequestId) {
        return step(integrationId, clientRequestId).isPresent();
    }

    public Optional<StepRecord> step(long integrationId, String clientRequestId) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? AND client_request_id = ?", statement -> {
            statement.setLong(1, integrationId);
            statement.setString(2, clientRequestId);
        }, rows -> steps.add(step(rows)));
        return steps.stream().findFirst();
    }

    /** Written before the first byte is sent: after a crash, this request may or may not have reached Gong. */
    public void sending(long integrationId, PlanStep step, String clientRequestId, Instant now) {
        update("INSERT INTO steps (integration_id, client_request_id, file, content_hash, object_type, part, bytes, "
                + "objects, status, started_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, integrationId);
            statement.setString(2, clientRequestId);
            statement.setString(3, step.file() == null ? null : step.file().toString());
            statement.setString(4, step.contentHash());
            statement.setString(5, step.type().name());
            statement.setInt(6, step.part());
            statement.setLong(7, step.bytes());
            statement.setLong(8, step.objects());
            statement.setString(9, StepRecord.SENDING);
            statement.setString(10, now.toString());
            statement.setString(11, step.kind().name());
        });
    }

    public void accepted(long integrationId, String clientRequestId, String requestId, Instant now) {
        update("UPDATE steps SET status = ?, request_id = coalesce(?, request_id), accepted_at = ? "
                + "WHERE integration_id = ? AND client_request_id = ?", statement -> {
            statement.setString(1, StepRecord.ACCEPTED);
            statement.setString(2, requestId);
            statement.setString(3, now.toString());
            statement.setLong(4, integrationId);
            statement.setString(5, clientRequestId);
        });
    }

    /**
     * The request ended. When DONE, what Gong now holds is recorded in the same transaction, so the
     * ledger never says DONE without it: the objects of {@code content}, or the schema of a schema
     * upload ({@code schema}); both may be null (an earlier request whose content is gone).
     */
    public void finished(long integrationId, String clientRequestId, String status, List<LineError> errors,
                         ObjectType type, PlanStep.Content content, byte[] schema, Instant now) {
        transaction(() -> {
            try (PreparedStatement statement = db.prepareStatement("UPDATE steps SET status = ?, finished_at = ?, "
                    + "errors = ? WHERE integration_id = ? AND client_request_id = ?")) {
                statement.setString(1, status);
                statement.setString(2, now.toString());
                statement.setString(3, errors.isEmpty() ? null : JSON.writeValueAsString(errors));
                statement.setLong(4, integrationId);
                statement.setString(5, clientRequestId);
                statement.executeUpdate();
            }
            if (StepRecord.DONE.equals(status) && content != null) {
                recordObjects(integrationId, type, content, clientRequestId);
            }
            if (StepRecord.DONE.equals(status) && schema != null) {
                try (PreparedStatement statement = db.prepareStatement("INSERT OR REPLACE INTO schemas "
                        + "(integration_id, object_type, content, uploaded_at) VALUES (?, ?, ?, ?)")) {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                    statement.setString(3, new String(schema, StandardCharsets.UTF_8));
                    statement.setString(4, now.toString());
                    statement.executeUpdate();
                }
            }
        });
    }

    /** What Gong holds for the integration according to this ledger, for validation. */
    public PriorUploads priorUploads(long integrationId) {
        Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
        query("SELECT DISTINCT object_type FROM objects WHERE integration_id = ?",
                statement -> statement.setLong(1, integrationId),
                rows -> types.add(ObjectType.valueOf(rows.getString(1))));
        return new PriorUploads() {
            @Override
            public Set<ObjectType> objectTypes() {
                return types;
            }

            @Override
            public void forEachObject(ObjectType type, Consumer<KnownObject> consumer) {
                query("SELECT object_id, reference_key, is_deleted, is_inactive, "
                        + (knowsEmailAddresses ? "email_address" : "NULL") + " FROM objects "
                        + "WHERE integration_id = ? AND object_type = ?", statement -> {
                            statement.setLong(1, integrationId);
                            statement.setString(2, type.name());
                        }, rows -> consumer.accept(new KnownObject(rows.getString(1), rows.getString(2),
                                rows.getInt(3) != 0, rows.getInt(4) != 0, uniqueValues(rows.getString(2),
                                rows.getString(5)))));
            }

            @Override
            public Optional<UploadedSchema> lastSchema(ObjectType type) {
                List<UploadedSchema> found = new ArrayList<>();
                query("SELECT content, uploaded_at FROM schemas WHERE integration_id = ? AND object_type = ?",
                        statement -> {
                            statement.setLong(1, integrationId);
                            statement.setString(2, type.name());
                        }, rows -> found.add(new UploadedSchema(liveFields(rows.getString(1)), rows.getString(2),
                                rows.getString(1))));
                return found.stream().findFirst();
            }
        };
    }

    /** What an object gave the fields no two objects may share, as this ledger records them. */
    private static Map<String, String> uniqueValues(String internalName, String emailAddress) {
        Map<String, String> values = new HashMap<>();
        if (internalName != null) {
            values.put("internalName", internalName);
        }
        if (emailAddress != null) {
            values.put("emailAddress", emailAddress);
        }
        return values;
    }

    private static List<String> liveFields(String schema) {
        List<String> names = new ArrayList<>();
        for (JsonNode field : JSON.readTree(schema)) {
            String name = field.hasNonNull("uniqueName") ? field.path("uniqueName").asString()
                    : field.path("name").asString(null);
            if (name != null && !field.path("isDeleted").asBoolean(false)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Streams the top-level fields that matter of each line; the file passed validation, so every line parses. */
    private void recordObjects(long integrationId, ObjectType type, PlanStep.Content content, String clientRequestId)
            throws SQLException, IOException {
        try (InputStream in = content.open();
             JsonParser parser = JSON.createParser(in);
             PreparedStatement statement = db.prepareStatement("INSERT OR REPLACE INTO objects (integration_id, "
                     + "object_type, object_id, reference_key, modified_date, is_deleted, is_inactive, "
                     + "client_request_id, email_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String objectId = null;
                String internalName = null;
                String emailAddress = null;
                String modifiedDate = null;
                boolean deleted = false;
                boolean inactive = false;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals(content.idField())) {
                        objectId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                        continue;
                    }
                    switch (name) {
                        case "internalName" -> internalName = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                        case "emailAddress" -> emailAddress = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                        case "modifiedDate" -> modifiedDate = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                        case "isDeleted" -> deleted = value == JsonToken.VALUE_TRUE;
                        case "isActive" -> inactive = value == JsonToken.VALUE_FALSE;
                        default -> parser.skipChildren();
                    }
                }
                if (objectId == null) {
                    continue;
                }
                statement.setLong(1, integrationId);
                statement.setString(2, type.name());
                statement.setString(3, objectId);
                statement.setString(4, internalName);
                statement.setString(5, modifiedDate);
                statement.setInt(6, deleted ? 1 : 0);
                statement.setInt(7, inactive ? 1 : 0);
                statement.setString(8, clientRequestId);
                statement.setString(9, emailAddress);
                statement.addBatch();
                if (++batched == BATCH) {
                    statement.executeBatch();
                    batched = 0;
                }
            }
            statement.executeBatch();
        }
    }

    private StepRecord step(ResultSet rows) throws SQLException {
        try {
            return readStep(rows);
        } catch (RuntimeException unreadable) {
            throw new LedgerException("ledger " + file + " has a step it cannot read (" + unreadable.getMessage()
                    + "); was it edited by hand?", unreadable);
        }
    }

    private StepRecord readStep(ResultSet rows) throws SQLException {
        String errors = rows.getString("errors");
        String finished = rows.getString("finished_at");
        return new StepRecord(rows.getString("client_request_id"), rows.getString("file"),
                rows.getString("content_hash"), rows.getString("object_type"), rows.getInt("part"),
                rows.getString("status"), rows.getString("request_id"), Instant.parse(rows.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                errors == null ? List.of() : JSON.readValue(errors, new TypeReference<List<LineError>>() { }));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException, IOException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
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

    private void update(String sql, Binder binder) {
        transaction(() -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                binder.bind(statement);
                statement.executeUpdate();
            }
        });
    }

    private void transaction(Work work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new LedgerException("cannot record in ledger " + file + ": " + describe(e), e);
        }
    }

    private LedgerException failure(SQLException e) {
        return failure(file, e);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing is pending: every change was committed in its own transaction
        } finally {
            if (lock != null) {
                try {
                    lock.release();
                } catch (IOException ignored) {
                    // the channel's close below releases it too
                }
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a lock file left open goes with the process
            }
        }
    }
}
