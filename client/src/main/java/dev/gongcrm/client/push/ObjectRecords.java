package dev.gongcrm.client.push;

import dev.gongcrm.client.Sha256;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    private ObjectRecords() {
    }

    /** What Gong holds for the integration according to the ledger, for validation. */
    static PriorUploads priorUploads(LedgerSql sql, long integrationId) {
        Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
        sql.query("SELECT DISTINCT object_type FROM objects WHERE integration_id = ?",
                statement -> statement.setLong(1, integrationId),
                rows -> types.add(ObjectType.valueOf(rows.getString(1))));
        return new PriorUploads() {
            @Override
            public Set<ObjectType> objectTypes() {
                return types;
            }

            @Override
            public void forEachObject(ObjectType type, Consumer<KnownObject> consumer) {
                sql.query("SELECT " + sql.readable("object_id, reference_key, is_deleted, is_inactive, email_address")
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
    static void record(LedgerSql sql, long integrationId, ObjectType type, PlanStep.Content content,
                       String clientRequestId) throws SQLException, IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(content.open(), digest);
             // the parser closes what it reads at its end; the rest, if any, must still reach the digest
             JsonParser parser = JSON.createParser(new FilterInputStream(in) {
                 @Override
                 public void close() {
                 }
             });
             PreparedStatement statement = sql.db.prepareStatement("INSERT INTO objects (integration_id, object_type, "
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
    static final class ContentChanged extends RuntimeException {
        ContentChanged() {
            super(null, null, false, false);
        }
    }

}
