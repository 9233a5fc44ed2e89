package dev.gongcrm.client.push;

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
     * request of each file and part, and the objects Gong holds from them, per type.
     */
    public record Integration(long integrationId, Run lastRun, List<File> files, Map<String, Long> objects) {
    }

    /** A push: where and by whom it ran, when, and how it ended (null while it runs or after a crash). */
    public record Run(String runId, String host, long pid, String user, String startedAt, String endedAt,
                      String outcome) {
    }

    /** The last request of a file (or one part of it): its status and clientRequestId. */
    public record File(String objectType, String kind, String file, int part, String status, String clientRequestId,
                       String startedAt, String finishedAt) {
    }
}
