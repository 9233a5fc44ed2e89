package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.ProfileSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two schema-file findings a machine can decide, in each field definition of the array: a
 * {@code lastModified} with fractional seconds ({@code datetime-format}, as {@link DatetimeFormatFix}
 * repairs it) and the deprecated {@code name} ({@code deprecated-field}: renamed to {@code uniqueName},
 * or dropped when uniqueName holds the same value, as the deprecated-field rule and the request-body schema's
 * {@code x-gong-replacement} say). A schema file is one request body, so it is read whole; only the changed
 * members of a definition are rewritten.
 */
final class SchemaFileFix {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String DEPRECATED_NAME = "name";
    private static final String CURRENT_NAME = "uniqueName";
    private static final String LAST_MODIFIED = "lastModified";
    private static final String DEPRECATED_FIELD = "deprecated-field";

    private final DatetimeFormatFix datetimes;
    private final FixSummary summary;

    SchemaFileFix(DatetimeFormatFix datetimes, FixSummary summary) {
        this.datetimes = datetimes;
        this.summary = summary;
    }

    /**
     * The custom fields a schema file defines, as the entity files of its type are fixed by them (their type
     * decides what a DATETIME or NUMBER value must look like); definitions the validation rejects are skipped.
     */
    static List<FieldSpec> customFields(Path schemaFile, ProfileSchemas schemas) throws IOException {
        String text = read(schemaFile);
        List<FieldSpec> fields = new ArrayList<>();
        for (int[] span : definitions(text)) {
            JsonLine definition = JsonLine.parse(text.substring(span[0], span[1]));
            JsonLine.Member name = definition == null ? null : definition.member(CURRENT_NAME) != null
                    ? definition.member(CURRENT_NAME) : definition.member(DEPRECATED_NAME);
            JsonLine.Member type = definition == null ? null : definition.member("type");
            if (name != null && name.isString() && type != null && type.isString()) {
                FieldSpec spec = schemas.customField(name.text(), type.text(), null, null);
                if (spec != null) {
                    fields.add(spec);
                }
            }
        }
        return fields;
    }

    /** The fixed file, a temporary file in {@code scratch}, or null when nothing needed fixing. */
    Path fix(Path input, String name, Path scratch) throws IOException {
        String text = read(input);
        StringBuilder fixed = new StringBuilder(text);
        List<int[]> definitions = definitions(text);
        boolean changed = false;
        // from the last definition backwards, so the spans of the earlier ones stay where they are
        for (int i = definitions.size() - 1; i >= 0; i--) {
            int start = definitions.get(i)[0];
            int end = definitions.get(i)[1];
            JsonLine definition = JsonLine.parse(text.substring(start, end));
            if (definition == null) {
                continue;
            }
            Set<String> rules = new LinkedHashSet<>();
            String repaired = repair(definition, rules);
            if (!rules.isEmpty()) {
                fixed.replace(start, end, repaired);
                summary.record(new FixSummary.Change(name, lineAt(text, start), String.join(", ", rules),
                        definition.text(), repaired));
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        Path output = LineFiles.temporary(scratch);
        boolean written = false;
        try {
            Files.writeString(output, fixed, StandardCharsets.UTF_8);
            written = true;
            return output;
        } finally {
            if (!written) {
                // a disk that filled up mid-write: no half file stays beside the target
                Files.deleteIfExists(output);
            }
        }
    }

    /** The definition repaired; {@code rules} gets the name of each rule a repair answers. */
    private String repair(JsonLine definition, Set<String> rules) {
        JsonLine current = definition;
        JsonLine.Member lastModified = current.member(LAST_MODIFIED);
        String date = lastModified != null && lastModified.isString() ? datetimes.repair(lastModified.text()) : null;
        if (date != null && !date.equals(lastModified.text())) {
            current = JsonLine.parse(current.apply(List.of(JsonLine.replaceValue(lastModified, '"' + date + '"'))));
            summary.count(datetimes.rule(), 1);
            rules.add(datetimes.rule());
        }
        JsonLine.Member old = current.member(DEPRECATED_NAME);
        JsonLine.Member replacement = current.member(CURRENT_NAME);
        if (old != null && (replacement == null || replacement.sameValueAs(old))) {
            current = JsonLine.parse(current.apply(List.of(replacement == null
                    ? JsonLine.renameKey(old, CURRENT_NAME) : current.remove(old))));
            summary.count(DEPRECATED_FIELD, 1);
            rules.add(DEPRECATED_FIELD);
        }
        return current.text();
    }

    /** The character span of each object in the top-level array; none when the file is not such an array. */
    private static List<int[]> definitions(String text) {
        List<int[]> spans = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                if (token == JsonToken.START_OBJECT) {
                    spans.add(new int[] {start, (int) parser.currentLocation().getCharOffset()});
                }
            }
            return spans;
        } catch (JacksonException e) {
            // the validation reports what is wrong with it; a broken document is not mended
            return List.of();
        }
    }

    /** The file as text; a CharacterCodingException when it is not UTF-8 (then it is copied as it is). */
    private static String read(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    private static long lineAt(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
