package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerException;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/** {@code gongcrm ledger copy}: everything one ledger records, into another (a file into PostgreSQL, or back). */
final class LedgerCopy {

    private static final int BATCH = 5_000;

    private LedgerCopy() {
    }

    /** The tables a ledger copy carries, in order, with their columns (not the order column: the target makes its own). */
    private static final List<Map.Entry<String, List<String>>> TABLES = List.of(
            Map.entry("runs", List.of("run_id", "integration_id", "host", "pid", "user_name", "gongcrm_version",
                    "started_at", "ended_at", "outcome")),
            Map.entry("steps", List.of("integration_id", "client_request_id", "file", "content_hash", "kind",
                    "object_type", "part", "bytes", "objects", "status", "request_id", "started_at", "accepted_at",
                    "finished_at", "errors", "run_id", "pending_objects")),
            Map.entry("objects", List.of("integration_id", "object_type", "object_id", "reference_key", "modified_date",
                    "is_deleted", "is_inactive", "client_request_id", "email_address", "value_hash", "outcome", "error",
                    "tombstone", "line_hash")),
            Map.entry("schemas", List.of("integration_id", "object_type", "content", "uploaded_at")));

    /**
     * Copies everything {@code source} records into {@code target} (a local ledger into the shared one, or
     * back), in one transaction of the target, the steps in their order, then checks that the target
     * holds as many rows of each table for these integrations as this ledger. A target that already
     * records one of these integrations is refused: two histories of one integration do not merge.
     *
     * @return the rows copied, per table
     */
    static Map<String, Long> copy(Ledger source, LedgerSql sql, Ledger target, LedgerSql into) {
        List<Long> integrations = source.integrations();
        List<Long> known = target.integrations();
        for (long integrationId : integrations) {
            if (known.contains(integrationId)) {
                throw new LedgerException("ledger " + target.location().describe() + " already records integration "
                        + integrationId + "; a copy goes only into a ledger that does not (nothing was copied)", null);
            }
        }
        Map<String, Long> copied = new java.util.LinkedHashMap<>();
        into.transaction(() -> {
            for (Map.Entry<String, List<String>> table : TABLES) {
                if (table.getKey().equals("runs") && sql.tables < 2) {
                    continue; // a ledger of gongcrm 0.1, only read, recorded no runs
                }
                String columns = String.join(", ", table.getValue());
                String marks = String.join(", ", java.util.Collections.nCopies(table.getValue().size(), "?"));
                long before = into.rows(table.getKey());
                long[] rows = {0};
                try (PreparedStatement insert = into.db.prepareStatement("INSERT INTO " + table.getKey() + " ("
                        + columns + ") VALUES (" + marks + ")")) {
                    sql.query("SELECT " + sql.readable(columns) + " FROM " + table.getKey() + " ORDER BY "
                            + (table.getKey().equals("steps") ? sql.order : "1"), statement -> { }, row -> {
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
                long added = into.rows(table.getKey()) - before;
                if (added != rows[0]) {
                    throw new LedgerException("ledger " + target.location().describe() + " took " + added + " of the "
                            + rows[0] + " " + table.getKey() + " rows copied; nothing was copied", null);
                }
                copied.put(table.getKey(), rows[0]);
            }
        });
        return copied;
    }
}
