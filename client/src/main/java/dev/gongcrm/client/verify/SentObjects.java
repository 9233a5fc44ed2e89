package dev.gongcrm.client.verify;

import dev.gongcrm.client.push.Lines;
import dev.gongcrm.client.push.ObjectLine;
import dev.gongcrm.validator.bundle.BundleFile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a bundle's files of one type hold the objects a read-back samples, and whether each is still
 * what was sent. A line is "as sent" when its value hash (key order and whitespace aside) is the one
 * the ledger recorded for the object: only those are compared with Gong, so that an edit not pushed
 * yet is never reported as a difference. The files are streamed line by line, keeping only the
 * sampled lines, as a bundle can be hundreds of megabytes.
 */
final class SentObjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One object as it was sent: the file and 1-based line it is on, and the line's text. */
    record SentLine(String file, int line, String text) {

        JsonNode value() {
            return JSON.readTree(text);
        }

        /** The 1-based column of a top-level field's name on the line, 0 when it cannot be told. */
        int column(String field) {
            try (JsonParser parser = JSON.createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return 0;
                }
                for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                    if (parser.currentName().equals(field)) {
                        return parser.currentTokenLocation().getColumnNr();
                    }
                    parser.nextToken();
                    parser.skipChildren();
                }
                return 0;
            } catch (RuntimeException unreadable) {
                return 0;
            }
        }
    }

    /** The sampled objects whose line is as sent, by id. */
    final Map<String, SentLine> asSent = new HashMap<>();
    /** The sampled objects the files have only with another value: changed since the push. */
    final Set<String> changed = new HashSet<>();
    /** The sampled objects whose value the ledger did not record (an older gongcrm's ledger). */
    final Set<String> unrecorded = new HashSet<>();

    private SentObjects() {
    }

    /**
     * The lines of {@code files} that hold the sampled objects.
     *
     * @param sampled the sampled objects' ids, each with the hash of its value as sent (null when unrecorded)
     * @param idField the member that names an object
     */
    static SentObjects find(List<BundleFile> files, Map<String, Long> sampled, String idField) throws IOException {
        SentObjects found = new SentObjects();
        Set<String> seen = new HashSet<>();
        for (BundleFile file : files) {
            try (InputStream in = file.opener().open()) {
                Lines.read(in, (bytes, from, to, line) -> {
                    ObjectLine object = ObjectLine.read(bytes, from, to, idField, Set.of());
                    if (object == null || object.id() == null || !sampled.containsKey(object.id())) {
                        return;
                    }
                    String id = object.id();
                    seen.add(id);
                    Long sentHash = sampled.get(id);
                    if (sentHash != null && sentHash == object.valueHash()) {
                        // a later line of the same id as sent wins, as it would have in Gong
                        found.asSent.put(id, new SentLine(file.name(), line,
                                new String(bytes, from, to - from, StandardCharsets.UTF_8)));
                    }
                });
            } catch (IOException e) {
                throw new IOException("cannot read " + file.name() + ": " + e.getMessage(), e);
            }
        }
        for (String id : seen) {
            if (found.asSent.containsKey(id)) {
                continue;
            }
            if (sampled.get(id) == null) {
                found.unrecorded.add(id);
            } else {
                found.changed.add(id);
            }
        }
        return found;
    }
}
