package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerDatabase;
import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.ledger.LedgerMigrations;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.validator.Version;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import org.sqlite.SQLiteConfig;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The record of what was pushed, per integration: every upload request and how it ended, every object
 * Gong holds from them, each type's last uploaded schema, and each push run. It lives in an SQLite file
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
    private static final int BATCH = 5_000;
    /** How often a waiting push says who holds the integration. */
    private static final Duration HOLDER_NOTICE_INTERVAL = Duration.ofSeconds(30);
    private static final Duration LOCK_POLL_INTERVAL = Duration.ofSeconds(1);

    private final LedgerDatabase database;
    private final Connection db;
    private final String order;
    /** The file a ledger kept nowhere lives in while it is open (a dry run of a bundle never pushed). */
    private final Path scratch;
    /** The version of the ledger's tables: older than {@link #VERSION} only for an older ledger that is only read. */
    private int tables = VERSION;
    private String runId;

    private Ledger(LedgerDatabase database, Path scratch) {
        this.database = database;
        this.db = database.connection();
        this.order = database.dialect().orderColumn();
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
            ledger.tables = LedgerMigrations.prepare(database, write);
            return ledger;
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase() + " (" + e.getMessage() + ")";
    }

    /** Where the ledger is, as messages show it. */
    public LedgerLocation location() {
        return database.location();
    }

    /**
     * Holds the integration for one push: no other push through this ledger sends to it until the hold
     * is closed, or its process dies (PostgreSQL's advisory lock goes with the connection, an SQLite
     * file's lock with the process, so a killed runner never leaves a stale one). An SQLite ledger is
     * held whole, as one machine runs one push at a time. A push that finds it held waits up to
     * {@code timeout}, telling {@code waiting} who holds it, since when and from where, then gives up.
     */
    public Hold hold(long integrationId, Duration timeout, Clock clock, Sleeper sleeper, Consumer<String> waiting) {
        Instant start = clock.instant();
        Instant lastNotice = null;
        String lastHolder = null;
        IntegrationLock lock = database.dialect() == LedgerDatabase.Dialect.SQLITE
                ? new FileLockOfLedger(((LedgerLocation.SqliteFile) location()).file())
                : new AdvisoryLock(integrationId);
        while (!lock.tryAcquire()) {
            Instant now = clock.instant();
            String holder = holder(integrationId);
            if (!Duration.between(start, now).minus(timeout).isNegative()) {
                throw new LedgerException("integration " + integrationId + " is held by another push" + holder
                        + " and was not freed within " + readable(timeout) + " (--lock-timeout); nothing was sent: "
                        + "push again when it has ended", null);
            }
            if (lastNotice == null || !holder.equals(lastHolder)
                    || Duration.between(lastNotice, now).compareTo(HOLDER_NOTICE_INTERVAL) >= 0) {
                waiting.accept("integration " + integrationId + " is held by another push" + holder + "; waiting up to "
                        + readable(timeout.minus(Duration.between(start, now))) + " for it to end");
                lastNotice = now;
                lastHolder = holder;
            }
            try {
                sleeper.sleep(LOCK_POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("interrupted while waiting for integration " + integrationId, e);
            }
        }
        try {
            return new Hold(integrationId, lock, clock);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Who holds the integration, as far as the runs table tells: " (the push on HOST, pid P, user U, since T)", or "". */
    private String holder(long integrationId) {
        List<String> found = new ArrayList<>();
        boolean wholeLedger = database.dialect() == LedgerDatabase.Dialect.SQLITE;
        query("SELECT host, pid, user_name, started_at FROM runs WHERE ended_at IS NULL"
                + (wholeLedger ? "" : " AND integration_id = ?") + " ORDER BY started_at DESC LIMIT 1", statement -> {
                    if (!wholeLedger) {
                        statement.setLong(1, integrationId);
                    }
                }, rows -> found.add(" (the push on " + rows.getString(1) + ", pid " + rows.getLong(2) + ", user "
                        + rows.getString(3) + ", since " + rows.getString(4) + ")"));
        return found.isEmpty() ? "" : found.get(0);
    }

    private static String readable(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    /** How a push holds an integration, by the kind of database. */
    private interface IntegrationLock {
        boolean tryAcquire();

        void release();
    }

    /** An SQLite ledger: the operating system's lock on a file beside it, released when the process dies. */
    private final class FileLockOfLedger implements IntegrationLock {
        private final Path lockFile;
        private FileChannel channel;
        private FileLock lock;

        FileLockOfLedger(Path ledgerFile) {
            Path absolute = ledgerFile.toAbsolutePath();
            this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        }

        @Override
        public boolean tryAcquire() {
            try {
                if (channel == null) {
                    channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                }
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldInThisProcess) {
                    lock = null;
                }
                return lock != null;
            } catch (IOException e) {
                throw new LedgerException("cannot lock ledger " + location().describe() + " (" + lockFile + "): "
                        + describe(e), e);
            }
        }

        @Override
        public void release() {
            try {
                if (lock != null) {
                    lock.release();
                }
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the lock goes with the process
            }
        }
    }

    /** A PostgreSQL ledger: a session advisory lock per integration, released when the connection ends. */
    private final class AdvisoryLock implements IntegrationLock {
        private final int key;

        AdvisoryLock(long integrationId) {
            // two int keys: gongcrm's, then the integration's 64 bits folded (a clash only makes two wait)
            this.key = (int) (integrationId ^ (integrationId >>> 32));
        }

        @Override
        public boolean tryAcquire() {
            boolean[] acquired = {false};
            query("SELECT pg_try_advisory_lock(?, ?)", statement -> {
                statement.setInt(1, LedgerDatabase.APPLICATION_ID);
                statement.setInt(2, key);
            }, rows -> acquired[0] = rows.getBoolean(1));
            return acquired[0];
        }

        @Override
        public void release() {
            try {
                query("SELECT pg_advisory_unlock(?, ?)", statement -> {
                    statement.setInt(1, LedgerDatabase.APPLICATION_ID);
                    statement.setInt(2, key);
                }, rows -> { });
            } catch (LedgerException lost) {
                // the connection is gone, and the lock with it
            }
        }
    }

    /**
     * A push's hold on its integration, recorded in the runs table (who, where, since when) so that
     * a push waiting for it can say, and a team can query what ran; the steps recorded meanwhile name it.
     */
    public final class Hold implements AutoCloseable {
        private final IntegrationLock lock;
        private final Clock clock;
        private final String id = UUID.randomUUID().toString();
        /** A run that ends without saying how stopped on an error (the push says which). */
        private String outcome = "STOPPED";

        private Hold(long integrationId, IntegrationLock lock, Clock clock) {
            this.lock = lock;
            this.clock = clock;
            String now = clock.instant().toString();
            transaction(() -> {
                // a run that never ended held the lock once; its process is gone, or this push would not hold it
                try (PreparedStatement abandoned = db.prepareStatement("UPDATE runs SET ended_at = ?, outcome = ? "
                        + "WHERE ended_at IS NULL" + (database.dialect() == LedgerDatabase.Dialect.SQLITE ? ""
                        : " AND integration_id = ?"));
                     PreparedStatement started = db.prepareStatement("INSERT INTO runs (run_id, integration_id, host, "
                             + "pid, user_name, gongcrm_version, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    abandoned.setString(1, now);
                    abandoned.setString(2, "ABANDONED");
                    if (database.dialect() != LedgerDatabase.Dialect.SQLITE) {
                        abandoned.setLong(3, integrationId);
                    }
                    abandoned.executeUpdate();
                    started.setString(1, id);
                    started.setLong(2, integrationId);
                    started.setString(3, hostName());
                    started.setLong(4, ProcessHandle.current().pid());
                    started.setString(5, System.getProperty("user.name"));
                    started.setString(6, Version.get());
                    started.setString(7, now);
                    started.executeUpdate();
                }
            });
            runId = id;
        }

        /** How the run ended (DONE, FAILED, NOT_SENT), recorded when the hold is closed. */
        public void outcome(String outcome) {
            this.outcome = outcome;
        }

        @Override
        public void close() {
            runId = null;
            try {
                update("UPDATE runs SET ended_at = ?, outcome = ? WHERE run_id = ?", statement -> {
                    statement.setString(1, clock.instant().toString());
                    statement.setString(2, outcome);
                    statement.setString(3, id);
                });
            } finally {
                lock.release();
            }
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "an unknown host";
        }
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
        query("SELECT * FROM steps WHERE integration_id = ? AND content_hash = ? ORDER BY " + order + " DESC",
                statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, contentHash);
                }, rows -> steps.add(step(rows)));
        return steps;
    }

    /** Every request sent to the integration, in the order they were recorded. */
    public List<StepRecord> steps(long integrationId) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? ORDER BY " + order + "",
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
                + "ORDER BY " + order + " DESC", statement -> {
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
                + "ORDER BY " + order + " DESC LIMIT 1", statement -> {
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

    /**
     * What the ledger holds, for people and scripts: per integration, its last run, the last request
     * of each file (and part) and how many objects of each type Gong holds from it.
     */
    public LedgerSummary summary() {
        List<LedgerSummary.Integration> integrations = new ArrayList<>();
        for (long integrationId : integrations()) {
            List<LedgerSummary.Run> runs = new ArrayList<>();
            if (tables >= 2) {
                query("SELECT run_id, host, pid, user_name, started_at, ended_at, outcome FROM runs "
                        + "WHERE integration_id = ? ORDER BY started_at DESC LIMIT 1",
                        statement -> statement.setLong(1, integrationId),
                        rows -> runs.add(new LedgerSummary.Run(rows.getString(1), rows.getString(2), rows.getLong(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7))));
            }
            List<LedgerSummary.File> files = new ArrayList<>();
            query("SELECT object_type, kind, file, part, status, client_request_id, started_at, finished_at FROM steps s "
                    + "WHERE integration_id = ? AND " + order + " = (SELECT max(" + order + ") FROM steps t WHERE "
                    + "t.integration_id = s.integration_id AND t.object_type = s.object_type AND t.kind = s.kind AND "
                    + "coalesce(t.file, '') = coalesce(s.file, '') AND t.part = s.part) ORDER BY " + order,
                    statement -> statement.setLong(1, integrationId),
                    rows -> files.add(new LedgerSummary.File(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getInt(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8))));
            Map<String, Long> objects = new java.util.TreeMap<>();
            query("SELECT object_type, count(*) FROM objects WHERE integration_id = ? GROUP BY object_type",
                    statement -> statement.setLong(1, integrationId), rows -> objects.put(rows.getString(1), rows.getLong(2)));
            integrations.add(new LedgerSummary.Integration(integrationId, runs.isEmpty() ? null : runs.get(0), files,
                    objects));
        }
        return new LedgerSummary(location().describe(), VERSION, integrations);
    }

    /** The tables a ledger copy carries, in order, with their columns (not the order column: the target makes its own). */
    private static final List<Map.Entry<String, List<String>>> TABLES = List.of(
            Map.entry("runs", List.of("run_id", "integration_id", "host", "pid", "user_name", "gongcrm_version",
                    "started_at", "ended_at", "outcome")),
            Map.entry("steps", List.of("integration_id", "client_request_id", "file", "content_hash", "kind",
                    "object_type", "part", "bytes", "objects", "status", "request_id", "started_at", "accepted_at",
                    "finished_at", "errors", "run_id")),
            Map.entry("objects", List.of("integration_id", "object_type", "object_id", "reference_key", "modified_date",
                    "is_deleted", "is_inactive", "client_request_id", "email_address")),
            Map.entry("schemas", List.of("integration_id", "object_type", "content", "uploaded_at")));

    /**
     * Copies everything this ledger records into {@code target} (a local ledger into the shared one, or
     * back), in one transaction of the target, the steps in their order, then checks that the target
     * holds as many rows of each table for these integrations as this ledger. A target that already
     * records one of these integrations is refused: two histories of one integration do not merge.
     *
     * @return the rows copied, per table
     */
    public Map<String, Long> copyTo(Ledger target) {
        List<Long> integrations = integrations();
        List<Long> known = target.integrations();
        for (long integrationId : integrations) {
            if (known.contains(integrationId)) {
                throw new LedgerException("ledger " + target.location().describe() + " already records integration "
                        + integrationId + "; a copy goes only into a ledger that does not (nothing was copied)", null);
            }
        }
        Map<String, Long> copied = new java.util.LinkedHashMap<>();
        target.transaction(() -> {
            for (Map.Entry<String, List<String>> table : TABLES) {
                if (table.getKey().equals("runs") && tables < 2) {
                    continue; // a ledger of gongcrm 0.1, only read, recorded no runs
                }
                String columns = String.join(", ", table.getValue());
                String marks = String.join(", ", java.util.Collections.nCopies(table.getValue().size(), "?"));
                long before = target.rows(table.getKey());
                long[] rows = {0};
                try (PreparedStatement insert = target.db.prepareStatement("INSERT INTO " + table.getKey() + " ("
                        + columns + ") VALUES (" + marks + ")")) {
                    query("SELECT " + readable(columns) + " FROM " + table.getKey() + " ORDER BY "
                            + (table.getKey().equals("steps") ? order : "1"), statement -> { }, row -> {
                                for (int i = 1; i <= table.getValue().size(); i++) {
                                    insert.setObject(i, row.getObject(i));
                                }
                                insert.addBatch();
                                if (++rows[0] % BATCH == 0) {
                                    insert.executeBatch();
                                }
                            });
                    insert.executeBatch();
                }
                long added = target.rows(table.getKey()) - before;
                if (added != rows[0]) {
                    throw new LedgerException("ledger " + target.location().describe() + " took " + added + " of the "
                            + rows[0] + " " + table.getKey() + " rows copied; nothing was copied", null);
                }
                copied.put(table.getKey(), rows[0]);
            }
        });
        return copied;
    }

    private long rows(String table) throws SQLException {
        try (Statement count = db.createStatement();
             ResultSet result = count.executeQuery("SELECT count(*) FROM " + table)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    /** Requests whose outcome the ledger has not learned yet (a push stopped while they were under way). */
    public List<StepRecord> inFlight(long integrationId) {
        List<StepRecord> steps = new ArrayList<>();
        query("SELECT * FROM steps WHERE integration_id = ? AND status IN (?, ?) ORDER BY " + order + "", statement -> {
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
                + "objects, status, started_at, kind, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
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
            statement.setString(12, runId);
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
        try {
            record(integrationId, clientRequestId, status, errors, type, content, schema, now);
        } catch (ContentChanged changed) {
            // Gong holds the bytes that were sent, which the file no longer has: DONE, with which objects unknown
            List<LineError> noted = new ArrayList<>(errors);
            noted.add(new LineError(0, content.file() + " changed after it was sent, so the objects Gong took from it "
                    + "are not recorded; the next push sends the file as it is now"));
            record(integrationId, clientRequestId, status, noted, type, null, schema, now);
        }
    }

    private void record(long integrationId, String clientRequestId, String status, List<LineError> errors,
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
                try (PreparedStatement statement = db.prepareStatement("INSERT INTO schemas "
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
                query("SELECT " + readable("object_id, reference_key, is_deleted, is_inactive, email_address")
                        + " FROM objects "
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

    /**
     * The columns to read of a table, with NULL for those an older ledger that is only read lacks: runs
     * came with version 2, users' addresses with version 3.
     */
    private String readable(String columns) {
        return tables >= 3 ? columns : columns.replace("email_address", "NULL").replace("run_id", "NULL");
    }

    /** What an object gave the fields no two objects may share, as this ledger records them. */
    private static Map<String, String> uniqueValues(String internalName, String emailAddress) {
        Map<String, String> values = new java.util.HashMap<>();
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
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(content.open(), digest);
             // the parser closes what it reads at its end; the rest, if any, must still reach the digest
             JsonParser parser = JSON.createParser(new FilterInputStream(in) {
                 @Override
                 public void close() {
                 }
             });
             PreparedStatement statement = db.prepareStatement("INSERT INTO objects (integration_id, object_type, "
                     + "object_id, reference_key, modified_date, is_deleted, is_inactive, client_request_id, "
                     + "email_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (integration_id, object_type, "
                     + "object_id) DO UPDATE SET reference_key = excluded.reference_key, modified_date = "
                     + "excluded.modified_date, is_deleted = excluded.is_deleted, is_inactive = excluded.is_inactive, "
                     + "client_request_id = excluded.client_request_id, email_address = excluded.email_address")) {
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
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (content.sha256() != null && !content.sha256().equals(HexFormat.of().formatHex(digest.digest()))) {
            throw new ContentChanged();
        }
    }

    /** The content of a DONE step is not the bytes that were sent any more: its objects cannot be told. */
    private static final class ContentChanged extends RuntimeException {
        ContentChanged() {
            super(null, null, false, false);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private StepRecord step(ResultSet rows) throws SQLException {
        try {
            return readStep(rows);
        } catch (RuntimeException unreadable) {
            throw new LedgerException("ledger " + location().describe() + " has a step it cannot read (" + unreadable.getMessage()
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

    /**
     * Runs the work in one transaction. Its own error is the one reported: SQLite rolls back by itself
     * after some failures (a full disk), and the rollback or the return to autocommit that follow then
     * fail too ("no transaction is active"), which would hide why.
     */
    private void transaction(Work work) {
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
            throw new LedgerException("cannot record in ledger " + database.location().describe() + ": " + describe(e), e);
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

    private LedgerException failure(SQLException e) {
        return database.failure(e);
    }

    @Override
    public void close() {
        database.close();
        if (scratch != null) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a temporary file of a dry run; the system's temporary folder is cleaned in time
            }
        }
    }
}
