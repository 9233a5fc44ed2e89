package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.report.ReportFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Inferred fields added to a type's schema file, written as the examples are: a JSON array of one entry
 * per line (uniqueName, label, type, referenceTo, orderedValueList, lastModified). An entry the file already
 * has is never changed unless asked ({@code replace}); new ones follow the file's own, by name. The file is
 * written whole or not at all.
 */
public final class SchemaFileMerge {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaFileMerge() {
    }

    /**
     * What the merge did: the names added, replaced, and left as the file has them.
     */
    public record Merged(List<String> added, List<String> replaced, List<String> kept) {
    }

    /**
     * @param fields the fields of the file's type
     * @param now the new entries' lastModified
     * @throws IOException naming the file when it cannot be read as a JSON array, or written
     */
    public static Merged merge(Path file, List<SchemaInference.InferredField> fields, boolean replace, Instant now)
            throws IOException {
        List<ObjectNode> entries = new ArrayList<>();
        if (Files.exists(file)) {
            JsonNode existing;
            try {
                existing = JSON.readTree(Files.readString(file));
            } catch (JacksonException e) {
                throw new IOException(file + ": not a JSON array of field definitions (" + e.getOriginalMessage()
                        + "); fix or move it, then infer again");
            }
            if (existing == null || !existing.isArray()) {
                throw new IOException(file + ": not a JSON array of field definitions; fix or move it, then infer again");
            }
            for (int i = 0; i < existing.size(); i++) {
                if (!existing.get(i).isObject()) {
                    throw new IOException(file + ": entry " + (i + 1) + " is not a field definition (a JSON object); fix "
                            + "or move the file, then infer again");
                }
                entries.add((ObjectNode) existing.get(i));
            }
        }
        List<String> added = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<ObjectNode> additions = new ArrayList<>();
        for (SchemaInference.InferredField field : fields) {
            ObjectNode entry = entry(field, now);
            int at = indexOf(entries, field.name());
            if (at < 0) {
                additions.add(entry);
                added.add(field.name());
            } else if (replace) {
                entries.set(at, entry);
                replaced.add(field.name());
            } else {
                kept.add(field.name());
            }
        }
        additions.sort(Comparator.comparing(entry -> entry.path("uniqueName").asString()));
        entries.addAll(additions);
        write(file, entries);
        return new Merged(added, replaced, kept);
    }

    private static int indexOf(List<ObjectNode> entries, String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (name.equals(entries.get(i).path("uniqueName").asString(entries.get(i).path("name").asString(null)))) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode entry(SchemaInference.InferredField field, Instant now) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("uniqueName", field.name());
        entry.put("label", field.label());
        entry.put("type", field.fieldType());
        if (field.referenceTo() != null) {
            entry.put("referenceTo", field.referenceTo());
        }
        if (field.orderedValueList() != null) {
            field.orderedValueList().forEach(entry.putArray("orderedValueList")::add);
        }
        entry.put("lastModified", now.truncatedTo(ChronoUnit.SECONDS).toString());
        return entry;
    }

    /** ["a", "b"], spaced as the examples are. */
    private static String items(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(JSON.writeValueAsString(item)));
        return "[" + String.join(", ", items) + "]";
    }

    private static void write(Path file, List<ObjectNode> entries) throws IOException {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            text.append(i == 0 ? "{" : ",\n {");
            boolean first = true;
            for (var member : entries.get(i).properties()) {
                text.append(first ? "" : ", ").append(JSON.writeValueAsString(member.getKey())).append(": ")
                        .append(member.getValue().isArray() ? items(member.getValue())
                                : JSON.writeValueAsString(member.getValue()));
                first = false;
            }
            text.append('}');
        }
        text.append("]\n");
        Path temporary = ReportFiles.temporaryBeside(file);
        try {
            Files.writeString(temporary, text);
            ReportFiles.moveAtomically(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
