package dev.gongcrm.client.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a ledger holds, as {@code gongcrm ledger show} prints it.
 *
 * @param ledger where the ledger is (a file, or a URL without its password)
 * @param version the layout version of the ledger's tables
 */
public record LedgerSummary(String ledger, int version, List<Integration> integrations) {

    /**
     * One integration: its last run (null when no run was recorded: a ledger of gongcrm 0.1), the last
     * request of each file and part, the objects Gong holds from them, per type, and those it failed
     * or may not have taken ({@code notStored}: per type, per outcome), which the next push sends again.
     */
    public record Integration(long integrationId, Run lastRun, List<File> files, Map<String, Long> objects,
                              Map<String, Map<String, Long>> notStored) {
    }

    /** A push: where and by whom it ran, when, and how it ended (null while it runs or after a crash). */
    public record Run(String runId, String host, long pid, String user, String startedAt, String endedAt,
                      String outcome) {
    }

    /** The last request of a file (or one part of it): its status and clientRequestId. */
    public record File(String objectType, String kind, String file, int part, String status, String clientRequestId,
                       String startedAt, String finishedAt) {
    }

    /**
     * What the ledger holds, for people and scripts: per integration, its last run, the last request
     * of each file (and part) and how many objects of each type Gong holds from it.
     */
    static LedgerSummary of(LedgerSql sql, List<Long> integrationIds) {
        List<LedgerSummary.Integration> integrations = new ArrayList<>();
        for (long integrationId : integrationIds) {
            List<LedgerSummary.Run> runs = new ArrayList<>();
            if (sql.tables >= 2) {
                sql.query("SELECT run_id, host, pid, user_name, started_at, ended_at, outcome FROM runs "
                        + "WHERE integration_id = ? ORDER BY started_at DESC LIMIT 1",
                        statement -> statement.setLong(1, integrationId),
                        rows -> runs.add(new LedgerSummary.Run(rows.getString(1), rows.getString(2), rows.getLong(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7))));
            }
            List<LedgerSummary.File> files = new ArrayList<>();
            sql.query("SELECT object_type, kind, file, part, status, client_request_id, started_at, finished_at FROM steps s "
                    + "WHERE integration_id = ? AND " + sql.order + " = (SELECT max(" + sql.order + ") FROM steps t WHERE "
                    + "t.integration_id = s.integration_id AND t.object_type = s.object_type AND t.kind = s.kind AND "
                    + "coalesce(t.file, '') = coalesce(s.file, '') AND t.part = s.part) ORDER BY " + sql.order,
                    statement -> statement.setLong(1, integrationId),
                    rows -> files.add(new LedgerSummary.File(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getInt(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8))));
            Map<String, Long> objects = new java.util.TreeMap<>();
            sql.query("SELECT object_type, count(*) FROM objects WHERE integration_id = ? AND " + sql.stored()
                    + " GROUP BY object_type",
                    statement -> statement.setLong(1, integrationId), rows -> objects.put(rows.getString(1), rows.getLong(2)));
            Map<String, Map<String, Long>> notStored = new java.util.TreeMap<>();
            if (sql.tables >= 4) {
                sql.query("SELECT object_type, outcome, count(*) FROM objects WHERE integration_id = ? AND NOT ("
                        + sql.stored() + ") GROUP BY object_type, outcome", statement -> statement.setLong(1, integrationId),
                        rows -> notStored.computeIfAbsent(rows.getString(1), type -> new java.util.TreeMap<>())
                                .put(rows.getString(2), rows.getLong(3)));
            }
            integrations.add(new LedgerSummary.Integration(integrationId, runs.isEmpty() ? null : runs.get(0), files,
                    objects, notStored));
        }
        return new LedgerSummary(sql.location().describe(), sql.tables, integrations);
    }
}
