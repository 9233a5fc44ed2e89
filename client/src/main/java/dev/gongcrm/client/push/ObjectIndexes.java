package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerDatabase;
import dev.gongcrm.validator.ObjectType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ledger's index of each type a push scans ({@link Ledger#objectIndex}), read on a second connection
 * while the push goes on: half a million objects take longer to read than validation takes to reach
 * the file that needs them. Types not asked for in advance are read on the push's own connection when
 * first needed.
 */
final class ObjectIndexes implements AutoCloseable {

    private final LedgerSql sql;
    private final long integrationId;
    private final Map<ObjectType, CompletableFuture<ObjectIndex>> loads = new LinkedHashMap<>();
    private final Thread reader;
    private volatile boolean closed;

    /** @param types the types to read at once, in the order they will be needed */
    ObjectIndexes(LedgerSql sql, long integrationId, List<ObjectType> types) {
        this.sql = sql;
        this.integrationId = integrationId;
        if (types.isEmpty()) {
            reader = null;
            return;
        }
        types.forEach(type -> loads.put(type, new CompletableFuture<>()));
        reader = new Thread(this::readAll, "gongcrm-ledger-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        Throwable failure = null;
        try (LedgerDatabase database = sql.database.reader()) {
            LedgerSql second = new LedgerSql(database);
            second.tables = sql.tables;
            for (Map.Entry<ObjectType, CompletableFuture<ObjectIndex>> load : loads.entrySet()) {
                if (closed) {
                    break;
                }
                load.getValue().complete(ObjectRecords.objectIndex(second, integrationId, load.getKey()));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            // a push waiting for an index must never wait for one no one reads
            Throwable why = failure != null ? failure : new IllegalStateException("the ledger's indexes were closed");
            loads.values().forEach(load -> load.completeExceptionally(why));
        }
    }

    /** The type's index: read by now, or being read, or read now. */
    ObjectIndex of(ObjectType type) {
        CompletableFuture<ObjectIndex> load = loads.get(type);
        if (load == null) {
            return ObjectRecords.objectIndex(sql, integrationId, type);
        }
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops reading after the type being read (a query in flight cannot be stopped) and closes the connection. */
    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
