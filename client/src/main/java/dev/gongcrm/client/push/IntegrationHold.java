package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerDatabase;
import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.validator.Version;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A push's hold on its integration: no other push through the ledger sends to it until the hold is
 * closed, or its process dies (PostgreSQL's advisory lock goes with the connection, an SQLite file's
 * lock with the process, so a killed runner never leaves a stale one). An SQLite ledger is held whole,
 * as one machine runs one push at a time. The hold is recorded in the runs table (who, where, since
 * when), so that a push waiting for it can say, and a team can query what ran; the steps recorded
 * meanwhile name it.
 */
public final class IntegrationHold implements AutoCloseable {

    /** How often a waiting push says who holds the integration. */
    private static final Duration HOLDER_NOTICE_INTERVAL = Duration.ofSeconds(30);
    private static final Duration LOCK_POLL_INTERVAL = Duration.ofSeconds(1);

    private final LedgerSql sql;
    private final Lock lock;
    private final Clock clock;
    private final String runId = UUID.randomUUID().toString();
    /** A run that ends without saying how stopped on an error (the push says which). */
    private String outcome = "STOPPED";
    private boolean closed;

    private IntegrationHold(LedgerSql sql, long integrationId, Lock lock, Clock clock) {
        this.sql = sql;
        this.lock = lock;
        this.clock = clock;
        String now = clock.instant().toString();
        sql.transaction(() -> {
            // a run that never ended held the lock once; its process is gone, or this push would not hold it
            try (PreparedStatement abandoned = sql.db.prepareStatement("UPDATE runs SET ended_at = ?, outcome = ? "
                    + "WHERE ended_at IS NULL" + (sql.sqlite() ? "" : " AND integration_id = ?"));
                 PreparedStatement started = sql.db.prepareStatement("INSERT INTO runs (run_id, integration_id, host, "
                         + "pid, user_name, gongcrm_version, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                abandoned.setString(1, now);
                abandoned.setString(2, "ABANDONED");
                if (!sql.sqlite()) {
                    abandoned.setLong(3, integrationId);
                }
                abandoned.executeUpdate();
                started.setString(1, runId);
                started.setLong(2, integrationId);
                started.setString(3, hostName());
                started.setLong(4, ProcessHandle.current().pid());
                started.setString(5, System.getProperty("user.name"));
                started.setString(6, Version.get());
                started.setString(7, now);
                started.executeUpdate();
            }
        });
    }

    /**
     * Holds the integration; a push that finds it held waits up to {@code timeout}, telling
     * {@code waiting} who holds it, since when and from where, then gives up with a LedgerException.
     */
    static IntegrationHold acquire(LedgerSql sql, long integrationId, Duration timeout, Clock clock, Sleeper sleeper,
                                   Consumer<String> waiting) {
        Instant start = clock.instant();
        Instant lastNotice = null;
        String lastHolder = null;
        Lock lock = sql.sqlite() ? new FileLockOfLedger(sql) : new AdvisoryLock(sql, integrationId);
        while (!lock.tryAcquire()) {
            Instant now = clock.instant();
            String holder = holder(sql, integrationId);
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
            return new IntegrationHold(sql, integrationId, lock, clock);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The run this hold records, which the steps recorded while it is held name; null once closed. */
    String runId() {
        return closed ? null : runId;
    }

    /** How the run ended (DONE, FAILED, NOT_SENT), recorded when the hold is closed. */
    public void outcome(String outcome) {
        this.outcome = outcome;
    }

    @Override
    public void close() {
        closed = true;
        try {
            sql.update("UPDATE runs SET ended_at = ?, outcome = ? WHERE run_id = ?", statement -> {
                statement.setString(1, clock.instant().toString());
                statement.setString(2, outcome);
                statement.setString(3, runId);
            });
        } finally {
            lock.release();
        }
    }

    /** Who holds the integration, as far as the runs table tells: " (the push on HOST, pid P, user U, since T)", or "". */
    private static String holder(LedgerSql sql, long integrationId) {
        List<String> found = new ArrayList<>();
        boolean wholeLedger = sql.sqlite();
        sql.query("SELECT host, pid, user_name, started_at FROM runs WHERE ended_at IS NULL"
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

    /** How a push holds an integration, by the kind of database. */
    private interface Lock {
        boolean tryAcquire();

        void release();
    }

    /** An SQLite ledger: the operating system's lock on a file beside it, released when the process dies. */
    private static final class FileLockOfLedger implements Lock {
        private final LedgerSql sql;
        private final Path lockFile;
        private FileChannel channel;
        private FileLock lock;

        FileLockOfLedger(LedgerSql sql) {
            this.sql = sql;
            Path absolute = ((LedgerLocation.SqliteFile) sql.location()).file().toAbsolutePath();
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
                throw new LedgerException("cannot lock ledger " + sql.location().describe() + " (" + lockFile + "): "
                        + Ledger.describe(e), e);
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
    private static final class AdvisoryLock implements Lock {
        private final LedgerSql sql;
        private final int key;

        AdvisoryLock(LedgerSql sql, long integrationId) {
            this.sql = sql;
            // two int keys: gongcrm's, then the integration's 64 bits folded (a clash only makes two wait)
            this.key = (int) (integrationId ^ (integrationId >>> 32));
        }

        @Override
        public boolean tryAcquire() {
            boolean[] acquired = {false};
            sql.query("SELECT pg_try_advisory_lock(?, ?)", statement -> {
                statement.setInt(1, LedgerDatabase.APPLICATION_ID);
                statement.setInt(2, key);
            }, rows -> acquired[0] = rows.getBoolean(1));
            return acquired[0];
        }

        @Override
        public void release() {
            try {
                sql.query("SELECT pg_advisory_unlock(?, ?)", statement -> {
                    statement.setInt(1, LedgerDatabase.APPLICATION_ID);
                    statement.setInt(2, key);
                }, rows -> { });
            } catch (LedgerException lost) {
                // the connection is gone, and the lock with it
            }
        }
    }
}
