package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerDatabase;
import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.ledger.LedgerMigrations;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import tools.jackson.core.type.TypeReference;
import org.sqlite.SQLiteConfig;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The record of what was pushed, per integration: every upload request and how it ended (here), every
 * object Gong holds from them ({@link ObjectRecords}), each type's last uploaded schema, and each push
 * run ({@link IntegrationHold}). It lives in an SQLite file
 * (one machine; open it with {@code sqlite3}) or in a PostgreSQL database that a team's pipelines
 * share; the two behave the same. It makes a push resumable (a request in flight is polled, not sent
 * again), incremental (content already DONE is not sent again) and lets validation resolve references
 * to objects of earlier pushes. Each change is one transaction; a push holds its integration
 * ({@link #hold}) for its whole run.
 */
public final class Ledger implements AutoCloseable {

    /** The layout this code writes; a ledger of a higher version comes from a newer gongcrm. */
    public static final int VERSION = LedgerMigrations.VERSION;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerSql sql;
    /** The file a ledger kept nowhere lives in while it is open (a dry run of a bundle never pushed). */
    private final Path scratch;
    /** The push's hold while it runs: the steps it records name its run. */
    private IntegrationHold hold;

    private Ledger(LedgerDatabase database, Path scratch) {
        this.sql = new LedgerSql(database);
        this.scratch = scratch;
    }

    /** Where a bundle's ledger lives unless the user names one: {@code .gongcrm/ledger.db} in the bundle folder. */
    public static Path defaultLocation(Path bundle) {
        Path folder = Files.isDirectory(bundle) ? bundle : bundle.toAbsolutePath().getParent();
        return folder.resolve(".gongcrm").resolve("ledger.db");
    }

    /** Opens the SQLite ledger for a push, creating it (and its folder) when missing. */
    public static Ledger open(Path file) {
        return open(new LedgerLocation.SqliteFile(file), System.getenv());
    }

    /**
     * Opens the ledger for a push: an SQLite file, created (with its folder) when missing, or a
     * PostgreSQL database, whose tables are created when missing; either is migrated to this version.
     * A corrupt ledger, or one from a newer gongcrm, is refused.
     */
    public static Ledger open(LedgerLocation location, Map<String, String> environment) {
        return open(location, environment, new SQLiteConfig());
    }

    /** {@link #open(LedgerLocation, Map)} with SQLite's settings given (a test's page limit stands for a full disk). */
    static Ledger open(Path file, SQLiteConfig config) {
        return open(new LedgerLocation.SqliteFile(file), Map.of(), config);
    }

    private static Ledger open(LedgerLocation location, Map<String, String> environment, SQLiteConfig config) {
        if (location instanceof LedgerLocation.SqliteFile file) {
            try {
                Files.createDirectories(file.file().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new LedgerException("cannot open ledger " + file.file() + ": " + describe(e), e);
            }
        }
        return prepared(LedgerDatabase.connect(location, config, environment), true, null);
    }

    /** Opens an existing SQLite ledger to read what it knows (validation, a dry run): no writes. */
    public static Ledger openReadOnly(Path file) {
        return openReadOnly(new LedgerLocation.SqliteFile(file), System.getenv());
    }

    /**
     * Opens a ledger to read what it knows (validation, a dry run). An SQLite file must exist and is not
     * written; a PostgreSQL ledger gets its tables if it has none yet, so that every runner can read it.
     */
    public static Ledger openReadOnly(LedgerLocation location, Map<String, String> environment) {
        if (location instanceof LedgerLocation.SqliteFile file) {
            if (!Files.isRegularFile(file.file())) {
                throw new LedgerException("no ledger at " + file.file() + "; 'gongcrm push' writes it", null);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return prepared(LedgerDatabase.connect(location, config, environment), false, null);
        }
        return open(location, environment);
    }

    /** The SQLite ledger to read for a dry run: the file when it exists, else an empty one kept nowhere. */
    public static Ledger openForReading(Path file) {
        return openForReading(new LedgerLocation.SqliteFile(file), System.getenv());
    }

    /** The ledger to read for a dry run: an SQLite file that does not exist yet reads as an empty ledger. */
    public static Ledger openForReading(LedgerLocation location, Map<String, String> environment) {
        if (location instanceof LedgerLocation.SqliteFile file && !Files.exists(file.file())) {
            return empty();
        }
        return openReadOnly(location, environment);
    }

    /** A ledger that knows nothing and is kept nowhere: a dry run of a bundle never pushed. */
    public static Ledger empty() {
        Path scratch;
        try {
            scratch = Files.createTempFile("gongcrm-ledger", ".db");
        } catch (IOException e) {
            throw new LedgerException("cannot create a temporary ledger: " + describe(e), e);
        }
        return prepared(LedgerDatabase.connect(new LedgerLocation.SqliteFile(scratch), new SQLiteConfig(), Map.of()),
                true, scratch);
    }

    private static Ledger prepared(LedgerDatabase database, boolean write, Path scratch) {
        Ledger ledger = new Ledger(database, scratch);
        try {
            ledger.sql.tables = LedgerMigrations.prepare(database, write);
            return ledger;
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase() + " (" + e.getMessage() + ")";
    }

    /** Where the ledger is, as messages show it. */
    public LedgerLocation location() {
        return sql.location();
    }

    /**
     * Holds the integration for one push ({@link IntegrationHold}); a push that finds it held waits up
     * to {@code timeout}, telling {@code waiting} who holds it, since when and from where, then gives up.
     */
    public IntegrationHold hold(long integrationId, Duration timeout, Clock clock, Sleeper sleeper,
                                Consumer<String> waiting) {
        hold = IntegrationHold.acquire(sql, integrationId, timeout, clock, sleeper, waiting);
        return hold;
    }

    /**
     * What the ledger holds, for people and scripts: per integration, its last run, the last request
     * of each file (and part) and how many objects of each type Gong holds from it.
     */
    public LedgerSummary summary() {
        return LedgerSummary.of(sql, integrations());
    }

    /**
     * Copies everything this ledger records into {@code target} (see {@link LedgerCopy}).
     *
     * @return the rows copied, per table
     */
    public Map<String, Long> copyTo(Ledger target) {
        return LedgerCopy.copy(this, sql, target, target.sql);
    }

    /** What Gong holds for the integration according to this ledger, for validation. */
    public PriorUploads priorUploads(long integrationId) {
        return ObjectRecords.priorUploads(sql, integrationId);
    }

    /** The integrations this ledger has pushed to. */
    public List<Long> integrations() {
        List<Long> ids = new ArrayList<>();
        sql.query("SELECT DISTINCT integration_id FROM steps ORDER BY integration_id", statement -> { },
                rows -> ids.add(rows.getLong(1)));
        return ids;
    }

    /**
     * The integration a run uses without asking Gong: the one named, else the only one this ledger has pushed
     * to; empty when it has pushed to none or to several.
     */
    public Optional<Long> integrationOrOnly(Long named) {
        if (named != null) {
            return Optional.of(named);
        }
        List<Long> known = integrations();
        return known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty();
    }

    /** Every request for this content (type and integration included in the hash), newest first. */
    public List<StepRecord> stepsWithContent(long integrationId, String contentHash) {
        List<StepRecord> steps = new ArrayList<>();
        sql.query("SELECT * FROM steps WHERE integration_id = ? AND content_hash = ? ORDER BY " + sql.order + " DESC",
                statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, contentHash);
                }, rows -> steps.add(step(rows)));
        return steps;
    }

    /** Every request sent to the integration, in the order they were recorded. */
    public List<StepRecord> steps(long integrationId) {
        List<StepRecord> steps = new ArrayList<>();
        sql.query("SELECT * FROM steps WHERE integration_id = ? ORDER BY " + sql.order + "",
                statement -> statement.setLong(1, integrationId), rows -> steps.add(step(rows)));
        return steps;
    }

    /**
     * The newest DONE upload of this kind and type: for a schema, the type's schema Gong holds; for a
     * user mapping, the list of users Gong holds.
     */
    public Optional<StepRecord> latestDone(long integrationId, PlanStep.Kind kind, ObjectType type) {
        List<StepRecord> steps = new ArrayList<>();
        sql.query("SELECT * FROM steps WHERE integration_id = ? AND kind = ? AND status = ? AND object_type = ? "
                + "ORDER BY " + sql.order + " DESC LIMIT 1", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, kind.name());
                    statement.setString(3, StepRecord.DONE);
                    statement.setString(4, type.name());
                }, rows -> steps.add(step(rows)));
        return steps.stream().findFirst();
    }

    /** The newest object or user mapping upload that ended DONE: one Gong must still know, unless the integration was reset. */
    public Optional<StepRecord> latestDoneUpload(long integrationId) {
        return latestDone(integrationId, PlanStep.Kind.OBJECTS, PlanStep.Kind.USER_MAPPING);
    }

    /** The newest schema upload that ended DONE (schemas are taken at once, with no request to ask about). */
    public Optional<StepRecord> latestDoneSchema(long integrationId) {
        return latestDone(integrationId, PlanStep.Kind.SCHEMA, PlanStep.Kind.SCHEMA);
    }

    private Optional<StepRecord> latestDone(long integrationId, PlanStep.Kind kind, PlanStep.Kind orKind) {
        List<StepRecord> steps = new ArrayList<>();
        sql.query("SELECT * FROM steps WHERE integration_id = ? AND kind IN (?, ?) AND status = ? "
                + "ORDER BY " + sql.order + " DESC LIMIT 1", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, kind.name());
                    statement.setString(3, orKind.name());
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
        sql.transaction(() -> {
            try (PreparedStatement steps = sql.db.prepareStatement("UPDATE steps SET status = ? WHERE integration_id = ? "
                    + "AND status = ?");
                 PreparedStatement objects = sql.db.prepareStatement("DELETE FROM objects WHERE integration_id = ?");
                 PreparedStatement schemas = sql.db.prepareStatement("DELETE FROM schemas WHERE integration_id = ?")) {
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
        sql.query("SELECT * FROM steps WHERE integration_id = ? AND status IN (?, ?) ORDER BY " + sql.order + "", statement -> {
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
        sql.query("SELECT * FROM steps WHERE integration_id = ? AND client_request_id = ?", statement -> {
            statement.setLong(1, integrationId);
            statement.setString(2, clientRequestId);
        }, rows -> steps.add(step(rows)));
        return steps.stream().findFirst();
    }

    /**
     * Written before the first byte is sent: after a crash, this request may or may not have reached Gong.
     * Until Gong says what it did with the step, the ledger holds its objects that Gong may already have a
     * version of as pending ({@link PlanStep#pending}): should the push stop here and the export go back to
     * the value the ledger had, that object is still sent again, and one the export then drops is deleted
     * when asked.
     */
    public void sending(long integrationId, PlanStep step, String clientRequestId, Instant now) {
        sql.transaction(() -> {
            try (PreparedStatement statement = sql.db.prepareStatement("INSERT INTO steps (integration_id, "
                    + "client_request_id, file, content_hash, object_type, part, bytes, objects, status, started_at, kind, "
                    + "run_id, pending_objects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                statement.setString(12, hold == null ? null : hold.runId());
                statement.setString(13, step.pending() == null || step.pending().length == 0 ? null
                        : ObjectRecords.fingerprints(step.pending()));
                statement.executeUpdate();
            }
        });
    }

    private long[] pendingObjects(long integrationId, String clientRequestId) {
        String[] pending = {null};
        sql.query("SELECT " + sql.readable("pending_objects") + " FROM steps WHERE integration_id = ? AND "
                + "client_request_id = ?", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, clientRequestId);
                }, rows -> pending[0] = rows.getString(1));
        return pending[0] == null ? new long[0] : ObjectRecords.fingerprints(pending[0]);
    }

    public void accepted(long integrationId, String clientRequestId, String requestId, Instant now) {
        sql.update("UPDATE steps SET status = ?, request_id = coalesce(?, request_id), accepted_at = ? "
                + "WHERE integration_id = ? AND client_request_id = ?", statement -> {
            statement.setString(1, StepRecord.ACCEPTED);
            statement.setString(2, requestId);
            statement.setString(3, now.toString());
            statement.setLong(4, integrationId);
            statement.setString(5, clientRequestId);
        });
    }

    /**
     * The request ended. Its objects are recorded with their fates in the same transaction, so the
     * ledger never says DONE or FAILED without them: those of {@code content} (null for an earlier
     * request whose content is gone), or the schema of a DONE schema upload ({@code schema}).
     */
    public void finished(long integrationId, String clientRequestId, RequestEnding ending, ObjectType type,
                         PlanStep.Content content, byte[] schema, Instant now) {
        try {
            record(integrationId, clientRequestId, ending, ending.errors(), type, content, schema, now);
        } catch (ObjectRecords.ContentChanged changed) {
            // Gong holds the bytes that were sent, which the file no longer has: which objects is unknown
            List<LineError> noted = new ArrayList<>(ending.errors());
            noted.add(new LineError(0, content.file() + " changed after it was sent, so the objects Gong took from it "
                    + "are not recorded; the next push sends the file as it is now"));
            record(integrationId, clientRequestId, ending, noted, type, null, schema, now);
        }
    }

    private void record(long integrationId, String clientRequestId, RequestEnding ending, List<LineError> errors,
                        ObjectType type, PlanStep.Content content, byte[] schema, Instant now) {
        sql.transaction(() -> {
            if (content == null) {
                // what was sent is gone (an earlier push's request, or a file changed since): the values Gong
                // may hold stay unknown, object by object, once the step no longer says so
                ObjectRecords.forgetValues(sql, integrationId, type, pendingObjects(integrationId, clientRequestId));
            }
            try (PreparedStatement statement = sql.db.prepareStatement("UPDATE steps SET status = ?, finished_at = ?, "
                    + "errors = ?, pending_objects = NULL WHERE integration_id = ? AND client_request_id = ?")) {
                statement.setString(1, ending.status());
                statement.setString(2, now.toString());
                statement.setString(3, errors.isEmpty() ? null : JSON.writeValueAsString(errors));
                statement.setLong(4, integrationId);
                statement.setString(5, clientRequestId);
                statement.executeUpdate();
            }
            if (content != null) {
                ObjectRecords.record(sql, integrationId, type, content, clientRequestId, ending);
            }
            if (ending.isDone() && schema != null) {
                try (PreparedStatement statement = sql.db.prepareStatement("INSERT INTO schemas "
                        + "(integration_id, object_type, content, uploaded_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (integration_id, object_type) DO UPDATE SET content = excluded.content, "
                        + "uploaded_at = excluded.uploaded_at")) {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                    statement.setString(3, new String(schema, StandardCharsets.UTF_8));
                    statement.setString(4, now.toString());
                    statement.executeUpdate();
                }
            }
        });
    }

    /**
     * What the ledger knows of each object of the type that an entity file sent to the integration, for a
     * sync. The users a {@code /map/users} upload carried are BUSINESS_USERs too, but a mapping file
     * has them, not the type's entity files: an entity file neither compares with them nor, not having
     * them, deletes them.
     */
    ObjectIndex objectIndex(long integrationId, ObjectType type) {
        return ObjectRecords.objectIndex(sql, integrationId, type);
    }

    /**
     * The indexes of these types (in the order the push will want them), read on a second connection
     * while the push goes on; see {@link ObjectIndexes}.
     */
    ObjectIndexes objectIndexes(long integrationId, java.util.List<ObjectType> types) {
        return new ObjectIndexes(sql, integrationId, types);
    }

    /**
     * The objects of the type that Gong holds and {@code index} (filled from this bundle) says the bundle
     * no longer has ({@link ObjectIndex#isMissing}), with the members a deletion of each must carry
     * ({@code tombstone}: JSON, or null).
     */
    void forEachMissing(long integrationId, ObjectType type, ObjectIndex index, MissingObject consumer) {
        String missing = sql.tables < 4 ? "is_deleted = 0"
                : "((is_deleted = 0 AND outcome = 'STORED') OR (is_deleted = 1 AND outcome <> 'STORED'))";
        sql.query("SELECT " + sql.readable("object_id, tombstone") + " FROM objects WHERE integration_id = ? "
                + "AND object_type = ? AND " + missing + " ORDER BY object_id", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                }, rows -> {
                    String id = rows.getString(1);
                    if (index.isMissing(id)) {
                        consumer.accept(id, rows.getString(2));
                    }
                });
    }

    @FunctionalInterface
    interface MissingObject {
        void accept(String objectId, String tombstone);
    }

    /**
     * What the ledger knows of one object: the hash of its value as last sent, how Gong took it and
     * Gong's error when it did not store it.
     */
    public record ObjectFate(String objectId, Long valueHash, String outcome, String error) {
    }

    /**
     * Up to {@code limit} objects of the type that Gong stored, the most recently modified first: what
     * a read-back checks.
     */
    public List<ObjectFate> storedObjects(long integrationId, ObjectType type, int limit) {
        List<ObjectFate> objects = new ArrayList<>();
        sql.query("SELECT " + sql.readable("object_id, value_hash, outcome, error") + " FROM objects "
                + "WHERE integration_id = ? AND object_type = ? AND is_deleted = 0 AND " + sql.stored()
                + " ORDER BY modified_date DESC, object_id LIMIT ?", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                    statement.setInt(3, limit);
                }, rows -> objects.add(fate(rows)));
        return objects;
    }

    /** How many objects of the type Gong stored and holds (not deleted): what {@link #storedObjects} samples from. */
    public long storedCount(long integrationId, ObjectType type) {
        long[] count = {0};
        sql.query("SELECT count(*) FROM objects WHERE integration_id = ? AND object_type = ? AND is_deleted = 0 AND "
                + sql.stored(), statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                }, rows -> count[0] = rows.getLong(1));
        return count[0];
    }

    /** Each object of the type that Gong did not store (FAILED) or may not have (UNCERTAIN), with why. */
    void forEachUnstored(long integrationId, ObjectType type, Consumer<ObjectFate> consumer) {
        sql.query("SELECT " + sql.readable("object_id, value_hash, outcome, error") + " FROM objects "
                + "WHERE integration_id = ? AND object_type = ? AND NOT (" + sql.stored() + ")", statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                }, rows -> consumer.accept(fate(rows)));
    }

    private static ObjectFate fate(ResultSet rows) throws SQLException {
        long hash = rows.getLong(2);
        Long valueHash = rows.wasNull() ? null : hash;
        return new ObjectFate(rows.getString(1), valueHash, rows.getString(3), rows.getString(4));
    }

    private StepRecord step(ResultSet rows) throws SQLException {
        try {
            return readStep(rows);
        } catch (RuntimeException unreadable) {
            throw new LedgerException("ledger " + sql.location().describe() + " has a step it cannot read (" + unreadable.getMessage()
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

    @Override
    public void close() {
        sql.database.close();
        if (scratch != null) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a temporary file of a dry run; the system's temporary folder is cleaned in time
            }
        }
    }
}
