package dev.gongcrm.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous requests the emulated Gong took (by clientRequestId: its integration, requestId,
 * status, line errors and counts) and the arrivals a test reads back, in an SQLite file of the work
 * folder: a long run of uploads grows that file, not the heap (held on the heap, 4,000 finished
 * uploads with 20 line errors each took 25 MB). One connection; every method is synchronized.
 */
final class RequestStore implements AutoCloseable {

    /** What request-status answers about one request. */
    record Status(String requestId, String status, JsonNode errors, Integer totalErrorCount,
                  Integer totalSuccessCount) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection db;
    private final PreparedStatement insert;
    private final PreparedStatement exists;
    private final PreparedStatement select;
    private final PreparedStatement start;
    private final PreparedStatement finish;
    private final PreparedStatement deleteOfIntegration;
    private final PreparedStatement arrive;
    private final PreparedStatement arrivals;

    RequestStore(Path file) {
        db = ScratchDatabase.open(file, "request store",
                "CREATE TABLE IF NOT EXISTS requests (client_request_id TEXT PRIMARY KEY, integration_id INTEGER "
                        + "NOT NULL, request_id TEXT NOT NULL, status TEXT NOT NULL, errors TEXT NOT NULL, "
                        + "total_error_count INTEGER, total_success_count INTEGER)",
                "CREATE INDEX IF NOT EXISTS requests_of_integration ON requests (integration_id)",
                "CREATE TABLE IF NOT EXISTS arrivals (seq INTEGER PRIMARY KEY, what TEXT NOT NULL)");
        try {
            insert = db.prepareStatement("INSERT OR IGNORE INTO requests (client_request_id, integration_id, "
                    + "request_id, status, errors) VALUES (?, ?, ?, 'PENDING', '[]')");
            exists = db.prepareStatement("SELECT 1 FROM requests WHERE client_request_id = ?");
            select = db.prepareStatement("SELECT request_id, status, errors, total_error_count, total_success_count "
                    + "FROM requests WHERE client_request_id = ?");
            start = db.prepareStatement("UPDATE requests SET status = 'IN_PROGRESS' WHERE client_request_id = ? "
                    + "AND status = 'PENDING'");
            finish = db.prepareStatement("UPDATE requests SET status = ?, errors = ?, total_error_count = ?, "
                    + "total_success_count = ? WHERE client_request_id = ?");
            deleteOfIntegration = db.prepareStatement("DELETE FROM requests WHERE integration_id = ? "
                    + "AND client_request_id IS NOT ?");
            arrive = db.prepareStatement("INSERT INTO arrivals (what) VALUES (?)");
            arrivals = db.prepareStatement("SELECT what FROM arrivals ORDER BY seq");
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records a new PENDING request; false (and nothing changes) when its clientRequestId is taken. */
    synchronized boolean add(CrmState.Request request) {
        try {
            insert.setString(1, request.clientRequestId());
            insert.setLong(2, request.integrationId());
            insert.setString(3, request.requestId());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized boolean contains(String clientRequestId) {
        try {
            exists.setString(1, clientRequestId);
            try (ResultSet row = exists.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The request's status, or null when no request has that clientRequestId. */
    synchronized Status status(String clientRequestId) {
        try {
            select.setString(1, clientRequestId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Status(row.getString(1), row.getString(2), JSON.readTree(row.getString(3)),
                        (Integer) row.getObject(4), (Integer) row.getObject(5));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** PENDING becomes IN_PROGRESS; a request already further along stays where it is. */
    synchronized void start(String clientRequestId) {
        try {
            start.setString(1, clientRequestId);
            start.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * How the request ended: DONE or FAILED, its first line errors ({@code line}, {@code description})
     * and its counts (null when not known). A request forgotten meanwhile ({@link #deleteOfIntegration}) stays forgotten.
     */
    synchronized void finish(String clientRequestId, String status, List<Map<String, Object>> errors,
                             Integer totalErrorCount, Integer totalSuccessCount) {
        try {
            finish.setString(1, status);
            finish.setString(2, JSON.writeValueAsString(errors));
            finish.setObject(3, totalErrorCount);
            finish.setObject(4, totalSuccessCount);
            finish.setString(5, clientRequestId);
            finish.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Forgets every request of an integration but {@code keep} (null keeps none): a deleted integration's
     * clientRequestIds are free again, while the delete request itself stays readable to whoever follows it.
     */
    synchronized int deleteOfIntegration(long integrationId, String keep) {
        try {
            deleteOfIntegration.setLong(1, integrationId);
            deleteOfIntegration.setString(2, keep);
            return deleteOfIntegration.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Notes an accepted upload ({@code "DEAL <clientRequestId>"}, {@code "schema DEAL"}) for {@link #arrivals()}. */
    synchronized void arrived(String what) {
        try {
            arrive.setString(1, what);
            arrive.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every accepted upload, in the order it came. */
    synchronized List<String> arrivals() {
        List<String> all = new ArrayList<>();
        try (ResultSet rows = arrivals.executeQuery()) {
            while (rows.next()) {
                all.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return all;
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
        return new IllegalStateException("the emulator's request store failed: " + e.getMessage(), e);
    }
}
