package dev.gongcrm.client.push;

import dev.gongcrm.client.Sha256;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The objects record of a ledger: what Gong holds from each DONE upload (the objects and the fields
 * that references and uniqueness checks need), and what validation learns of it.
 */
final class ObjectRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 5_000;
    /** Ids per lookup query: under SQLite's and PostgreSQL's limits on parameters, and few round trips. */
    private static final int LOOKUP_CHUNK = 500;
    private static final int DELETED = 1;
    private static final int INACTIVE = 2;
    private static final int STORED = 4;
    private static final int FAILED = 8;
    /**
     * What a sync needs of each object, in three columns: its id, the hash of its value as sent, and its
     * flags and outcome as one number. A push reads half a million of them while the JVM is cold, where
     * each column read costs more than the rest of the row.
     */
    static final java.util.function.Function<LedgerSql, String> FATE_COLUMNS = sql -> sql.tables < 4
            ? "object_id, NULL, is_deleted + " + INACTIVE + " * is_inactive + " + STORED
            : "object_id, value_hash, is_deleted + " + INACTIVE + " * is_inactive + CASE outcome WHEN 'STORED' THEN "
            + STORED + " WHEN 'FAILED' THEN " + FAILED + " ELSE 0 END";

    private ObjectRecords() {
    }

    /** What Gong holds for the integration according to the ledger, for validation. */
    static PriorUploads priorUploads(LedgerSql sql, long integrationId) {
        // one query per type finds its first stored object in the primary key's order, where one query for the
        // distinct types would read every object
        Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
        for (ObjectType type : ObjectType.values()) {
            sql.query("SELECT 1 FROM objects WHERE integration_id = ? AND object_type = ? AND " + sql.stored()
                    + " LIMIT 1", statement -> {
                        statement.setLong(1, integrationId);
                        statement.setString(2, type.name());
                    }, rows -> types.add(type));
        }
        return new PriorUploads() {
            @Override
            public Set<ObjectType> objectTypes() {
                return types;
            }

            @Override
            public void forEachObject(ObjectType type, Consumer<KnownObject> consumer) {
                // a stage's internalName and a user's emailAddress are the values no two objects may share
                boolean stage = type == ObjectType.STAGE;
                boolean user = type == ObjectType.BUSINESS_USER && sql.tables >= 3;
                sql.query("SELECT " + FATE_COLUMNS.apply(sql) + (stage ? ", reference_key" : "")
                        + (user ? ", email_address" : "") + " FROM objects WHERE integration_id = ? AND object_type = ? "
                        + "AND " + sql.stored(), statement -> {
                            statement.setLong(1, integrationId);
                            statement.setString(2, type.name());
                        }, rows -> {
                            int state = rows.getInt(3);
                            String referenceKey = stage ? rows.getString(4) : null;
                            consumer.accept(new KnownObject(rows.getString(1), referenceKey, deleted(state),
                                    (state & INACTIVE) != 0, uniqueValues(referenceKey, user ? rows.getString(4) : null)));
                        });
            }

            @Override
            public boolean findsById() {
                return true;
            }

            @Override
            public void find(ObjectType type, java.util.Collection<String> objectIds, Consumer<KnownObject> consumer) {
                List<String> ids = new ArrayList<>(objectIds);
                for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
                    sql.query("SELECT " + FATE_COLUMNS.apply(sql) + " FROM objects WHERE integration_id = ? AND "
                            + "object_type = ? AND " + sql.stored() + " AND object_id IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", statement -> {
                                statement.setLong(1, integrationId);
                                statement.setString(2, type.name());
                                for (int i = 0; i < chunk.size(); i++) {
                                    statement.setString(3 + i, chunk.get(i));
                                }
                            }, rows -> {
                                int state = rows.getInt(3);
                                consumer.accept(new KnownObject(rows.getString(1), null, deleted(state),
                                        (state & INACTIVE) != 0));
                            });
                }
            }

            @Override
            public Optional<UploadedSchema> lastSchema(ObjectType type) {
                List<UploadedSchema> found = new ArrayList<>();
                sql.query("SELECT content, uploaded_at FROM schemas WHERE integration_id = ? AND object_type = ?",
                        statement -> {
                            statement.setLong(1, integrationId);
                            statement.setString(2, type.name());
                        }, rows -> found.add(new UploadedSchema(liveFields(rows.getString(1)), rows.getString(2),
                                rows.getString(1))));
                return found.stream().findFirst();
            }
        };
    }

    /** Fingerprints of object ids as the ledger keeps them in text: Base64 of their 64-bit numbers. */
    static String fingerprints(long[] fingerprints) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(fingerprints.length * Long.BYTES);
        bytes.asLongBuffer().put(fingerprints);
        return java.util.Base64.getEncoder().encodeToString(bytes.array());
    }

    static long[] fingerprints(String text) {
        java.nio.LongBuffer longs = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(text)).asLongBuffer();
        long[] fingerprints = new long[longs.remaining()];
        longs.get(fingerprints);
        return fingerprints;
    }

    /**
     * The ledger forgets what Gong holds of these objects (by their ids' fingerprints), which a request
     * carried whose content is gone: Gong may hold any version of each, so whatever the export holds of
     * one is sent, and one it no longer has counts as in Gong (and is deleted when asked). Reads every id of
     * the type to find them: only a push that stopped before Gong answered leaves any.
     */
    static void forgetValues(LedgerSql sql, long integrationId, ObjectType type, long[] fingerprints)
            throws SQLException {
        if (fingerprints.length == 0) {
            return;
        }
        Set<Long> wanted = new java.util.HashSet<>();
        for (long fingerprint : fingerprints) {
            wanted.add(fingerprint);
        }
        List<String> ids = new ArrayList<>();
        sql.query("SELECT object_id FROM objects WHERE integration_id = ? AND object_type = ?", statement -> {
            statement.setLong(1, integrationId);
            statement.setString(2, type.name());
        }, rows -> {
            String id = rows.getString(1);
            if (wanted.contains(ObjectLine.fingerprint(id))) {
                ids.add(id);
            }
        });
        try (PreparedStatement statement = sql.db.prepareStatement("UPDATE objects SET value_hash = NULL, "
                + "line_hash = NULL, is_deleted = 0, outcome = 'STORED', error = NULL WHERE integration_id = ? AND "
                + "object_type = ? AND object_id = ?")) {
            for (String id : ids) {
                statement.setLong(1, integrationId);
                statement.setString(2, type.name());
                statement.setString(3, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** See {@link Ledger#objectIndex}. */
    static ObjectIndex objectIndex(LedgerSql sql, long integrationId, ObjectType type) {
        long[] count = {0};
        sql.query("SELECT count(*) FROM objects WHERE integration_id = ? AND object_type = ?", statement -> {
            statement.setLong(1, integrationId);
            statement.setString(2, type.name());
        }, rows -> count[0] = rows.getLong(1));
        ObjectIndex index = new ObjectIndex((int) Math.min(count[0], Integer.MAX_VALUE / 4));
        String notMapped = type != ObjectType.BUSINESS_USER ? "" : " AND NOT EXISTS (SELECT 1 FROM steps WHERE "
                + "steps.integration_id = objects.integration_id AND steps.client_request_id = "
                + "objects.client_request_id AND steps.kind = '" + PlanStep.Kind.USER_MAPPING + "')";
        sql.query("SELECT " + FATE_COLUMNS.apply(sql) + ", " + sql.readable("line_hash") + " FROM objects "
                + "WHERE integration_id = ? AND object_type = ?" + notMapped, statement -> {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                }, rows -> {
                    long hash = rows.getLong(2);
                    Long valueHash = rows.wasNull() ? null : hash;
                    int state = rows.getInt(3);
                    long line = rows.getLong(4);
                    Long lineHash = rows.wasNull() ? null : line;
                    // SQLite hands out an id's UTF-8 bytes as they are stored: no string is made of half a million
                    long id = sql.sqlite() ? ObjectLine.fingerprint(rows.getBytes(1))
                            : ObjectLine.fingerprint(rows.getString(1));
                    index.put(id, valueHash, lineHash, outcome(state), deleted(state));
                });
        if (sql.tables >= 5) {
            // the objects of a step Gong has not answered for: what Gong holds of them is not known
            sql.query("SELECT pending_objects FROM steps WHERE integration_id = ? AND object_type = ? AND "
                    + "pending_objects IS NOT NULL", statement -> {
                        statement.setLong(1, integrationId);
                        statement.setString(2, type.name());
                    }, rows -> {
                        for (long pending : fingerprints(rows.getString(1))) {
                            index.pending(pending);
                        }
                    });
        }
        return index;
    }

    /** The outcome of {@link #FATE_COLUMNS}' third column. */
    static ObjectIndex.Outcome outcome(int state) {
        return (state & STORED) != 0 ? ObjectIndex.Outcome.STORED
                : (state & FAILED) != 0 ? ObjectIndex.Outcome.FAILED : ObjectIndex.Outcome.UNCERTAIN;
    }

    static boolean deleted(int state) {
        return (state & DELETED) != 0;
    }

    /** What an object gave the fields no two objects may share, as this ledger records them. */
    private static Map<String, String> uniqueValues(String internalName, String emailAddress) {
        if (internalName == null) {
            return emailAddress == null ? Map.of() : Map.of("emailAddress", emailAddress);
        }
        return emailAddress == null ? Map.of("internalName", internalName)
                : Map.of("internalName", internalName, "emailAddress", emailAddress);
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

    /** The top-level fields a record keeps besides the id and the tombstone's. */
    private static final Set<String> RECORDED = Set.of("internalName", "emailAddress", "modifiedDate", "isDeleted",
            "isActive");

    /**
     * Records each object of an upload that ended, with its fate: every one STORED when the request is
     * DONE; when it FAILED, those on lines Gong named FAILED with its description, and the others STORED
     * when Gong named every failing line, FAILED when it stored none, UNCERTAIN otherwise. An object
     * that is not sent again stays as recorded: what Gong holds of it did not change.
     */
    static void record(LedgerSql sql, long integrationId, ObjectType type, PlanStep.Content content,
                       String clientRequestId, RequestEnding ending) throws SQLException, IOException {
        MessageDigest digest = Sha256.digest();
        Map<Integer, String> failedLines = ending.failedLines();
        ObjectIndex.Outcome others = ending.othersOutcome(failedLines.size());
        String othersError = others == ObjectIndex.Outcome.STORED ? null : ending.othersError(failedLines.size());
        Set<String> keep = new java.util.HashSet<>(RECORDED);
        keep.addAll(content.tombstoneFields());
        Map<String, String> tombstoneNames = new java.util.LinkedHashMap<>();
        content.tombstoneFields().forEach(field -> tombstoneNames.put(field, JSON.writeValueAsString(field) + ":"));
        try (InputStream in = new DigestInputStream(content.open(), digest);
             PreparedStatement statement = sql.db.prepareStatement("INSERT INTO objects (integration_id, object_type, "
                     + "object_id, reference_key, modified_date, is_deleted, is_inactive, client_request_id, "
                     + "email_address, value_hash, outcome, error, tombstone, line_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     + "?, ?, ?, ?, ?) ON CONFLICT (integration_id, object_type, object_id) DO UPDATE SET reference_key = "
                     + "excluded.reference_key, modified_date = excluded.modified_date, is_deleted = "
                     + "excluded.is_deleted, is_inactive = excluded.is_inactive, client_request_id = "
                     + "excluded.client_request_id, email_address = excluded.email_address, value_hash = "
                     + "excluded.value_hash, outcome = excluded.outcome, error = excluded.error, tombstone = "
                     + "excluded.tombstone, line_hash = excluded.line_hash")) {
            int[] batched = {0};
            Lines.read(in, (bytes, from, to, line) -> {
                ObjectLine object = ObjectLine.read(bytes, from, to, content.idField(), keep);
                if (object == null || object.id() == null) {
                    return;
                }
                String failure = failedLines.get(line);
                ObjectIndex.Outcome outcome = failure != null ? ObjectIndex.Outcome.FAILED : others;
                try {
                    statement.setLong(1, integrationId);
                    statement.setString(2, type.name());
                    statement.setString(3, object.id());
                    statement.setString(4, object.string("internalName"));
                    statement.setString(5, object.string("modifiedDate"));
                    statement.setInt(6, "true".equals(object.raw("isDeleted")) ? 1 : 0);
                    statement.setInt(7, "false".equals(object.raw("isActive")) ? 1 : 0);
                    statement.setString(8, clientRequestId);
                    statement.setString(9, object.string("emailAddress"));
                    statement.setLong(10, object.valueHash());
                    statement.setString(11, outcome.name());
                    statement.setString(12, failure != null ? failure : othersError);
                    statement.setString(13, tombstone(object, tombstoneNames));
                    statement.setLong(14, ObjectLine.lineHash(bytes, from, to));
                    statement.addBatch();
                    if (++batched[0] == BATCH) {
                        statement.executeBatch();
                        batched[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new SqlFailure(e);
                }
            });
            statement.executeBatch();
        } catch (SqlFailure e) {
            throw e.cause;
        }
        if (content.sha256() != null && !content.sha256().equals(HexFormat.of().formatHex(digest.digest()))) {
            throw new ContentChanged();
        }
    }

    /**
     * The members a deletion of the object must carry besides its id, as JSON, or null when none is known;
     * {@code fields}: each field with its name as JSON and a colon.
     */
    private static String tombstone(ObjectLine object, Map<String, String> fields) {
        StringBuilder json = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String raw = object.raw(field.getKey());
            if (raw != null) {
                json.append(json.isEmpty() ? "{" : ",").append(field.getValue()).append(raw);
            }
        }
        return json.isEmpty() ? null : json.append('}').toString();
    }

    /** An SQL failure carried out of a line visitor, which may only throw I/O errors. */
    private static final class SqlFailure extends RuntimeException {
        final SQLException cause;

        SqlFailure(SQLException cause) {
            super(null, cause, false, false);
            this.cause = cause;
        }
    }

    /** The content of a DONE step is not the bytes that were sent any more: its objects cannot be told. */
    static final class ContentChanged extends RuntimeException {
        ContentChanged() {
            super(null, null, false, false);
        }
    }

}
