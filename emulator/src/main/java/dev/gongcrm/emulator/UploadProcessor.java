package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Gong does with an uploaded file once it is its turn: validates it as one file against the
 * integration's stored schema (with validator-core), keeps the first 20 line errors in Gong's
 * wording, and stores the objects of the lines without errors (an object sent with isDeleted goes).
 */
final class UploadProcessor {

    private static final int MAX_LINE_ERRORS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CrmState state;
    private final Validator validator;

    UploadProcessor(CrmState state, Validator validator) {
        this.state = state;
        this.validator = validator;
    }

    /** Validates the file as Gong would (one file, against the stored schema), then stores the valid objects. */
    void process(CrmState.Request request, CrmState.Type type, Path data) {
        try {
            List<BundleFile> files = new ArrayList<>();
            ArrayNode schema;
            synchronized (state) {
                schema = state.schemas.get(type);
            }
            if (schema != null) {
                files.add(BundleFile.of(type.name().toLowerCase() + ".schema.json", FileKind.SCHEMA,
                        ObjectType.valueOf(type.name()), JSON.writeValueAsBytes(schema)));
            }
            files.add(BundleFile.of(data, "dataFile", FileKind.ENTITIES, ObjectType.valueOf(type.name())));
            ValidationResult result = validator.validateFiles(files);
            Map<Integer, String> errorsByLine = new TreeMap<>();
            for (Finding finding : result.findings()) {
                if (finding.severity() == Severity.ERROR && finding.line() > 0 && "dataFile".equals(finding.file())) {
                    errorsByLine.putIfAbsent(finding.line(), GongWording.describe(finding));
                }
            }
            int stored = store(type, data, errorsByLine.keySet());
            List<Map<String, Object>> errors = new ArrayList<>();
            for (Map.Entry<Integer, String> error : errorsByLine.entrySet()) {
                if (errors.size() == MAX_LINE_ERRORS) {
                    break;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", error.getKey());
                line.put("description", error.getValue());
                errors.add(line);
            }
            request.errors = errors;
            request.totalErrorCount = errorsByLine.size();
            request.totalSuccessCount = stored;
            request.status = errorsByLine.isEmpty() ? "DONE" : "FAILED";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(data);
            } catch (IOException ignored) {
                // the work folder goes when the emulator closes
            }
        }
    }

    private int store(CrmState.Type type, Path data, Set<Integer> badLines) throws IOException {
        int stored = 0;
        try (BufferedReader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || badLines.contains(line)) {
                    continue;
                }
                JsonNode object;
                try {
                    object = JSON.readTree(text);
                } catch (RuntimeException unparsable) {
                    continue;
                }
                String objectId = object.path("objectId").asString(null);
                if (objectId == null) {
                    continue;
                }
                synchronized (state) {
                    if (object.path("isDeleted").asBoolean(false)) {
                        state.objectsOf(type).remove(objectId);
                    } else {
                        state.objectsOf(type).put(objectId, object);
                    }
                }
                stored++;
            }
        }
        return stored;
    }
}
