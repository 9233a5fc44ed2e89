package dev.gongcrm.client.verify;

import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back from Gong a sample of the objects a push stored and compares each, field by field, with
 * what was sent. Per type of the bundle, it takes the {@code sample} objects the ledger has as stored
 * that were modified last, finds them in the bundle's files of that type, and reads those still as
 * they were sent in one call (Gong reads at most 100 ids a call). Gong's docs call the read endpoint a
 * development-phase tool "to manually verify that objects are uploaded and processed correctly", so a
 * read-back is asked for, sampled, and counts its calls.
 */
public final class Verifier {

    /** A field Gong holds with another value than was sent: at the object's line, naming the field and both values. */
    public static final String VERIFY_MISMATCH = "verify-mismatch";
    /** An object the ledger has as stored that Gong does not have. */
    public static final String VERIFY_MISSING = "verify-missing";
    /** The largest sample per type: what one read call answers for. */
    public static final int MAX_SAMPLE = CrmApi.OBJECT_LIST_LIMIT;
    /** The objects of a line are named by this member; user mapping files (keyed by crmUserId) are not read back. */
    private static final String ID_FIELD = "objectId";
    /** How much of a value a message quotes. */
    private static final int MAX_QUOTED_CHARS = 120;

    private final CrmApi api;
    private final Ledger ledger;
    private final long integrationId;
    private final int sample;

    /**
     * @param api the generation the bundle was pushed through (its profile's)
     * @param ledger the ledger of the pushes to the integration
     * @param sample how many objects of each type to read back, 1 to {@value #MAX_SAMPLE}
     */
    public Verifier(CrmApi api, Ledger ledger, long integrationId, int sample) {
        this.api = api;
        this.ledger = ledger;
        this.integrationId = integrationId;
        this.sample = checkSample(sample);
    }

    /** The sample size, when it is one: 1 to {@value #MAX_SAMPLE}. */
    public static int checkSample(int sample) {
        if (sample < 1 || sample > MAX_SAMPLE) {
            throw new IllegalArgumentException("the sample is 1 to " + MAX_SAMPLE + " objects per type (one read call "
                    + "answers for at most " + MAX_SAMPLE + " ids), got " + sample);
        }
        return sample;
    }

    /** Reads back a sample of each type of the bundle's entity files (schema and user mapping files are not objects Gong reads back). */
    public Verification verify(List<BundleFile> bundle) throws IOException {
        Map<ObjectType, List<BundleFile>> byType = new EnumMap<>(ObjectType.class);
        for (BundleFile file : bundle) {
            if (file.kind() == FileKind.ENTITIES && file.type() != null) {
                byType.computeIfAbsent(file.type(), type -> new ArrayList<>()).add(file);
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Verification.TypeCheck> types = new ArrayList<>();
        List<ObjectType> unreadable = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Map.Entry<ObjectType, List<BundleFile>> type : byType.entrySet()) {
            if (!ObjectType.SCHEMA_TYPES.contains(type.getKey())) {
                unreadable.add(type.getKey());
                continue;
            }
            type.getValue().forEach(file -> read.add(file.name()));
            types.add(verify(type.getKey(), type.getValue(), findings));
        }
        List<String> order = bundle.stream().map(BundleFile::name).toList();
        findings.sort(Comparator.comparingInt((Finding finding) -> order.indexOf(finding.file()))
                .thenComparingInt(Finding::line).thenComparingInt(Finding::column));
        return new Verification(findings, types, unreadable, read);
    }

    private Verification.TypeCheck verify(ObjectType type, List<BundleFile> files, List<Finding> findings)
            throws IOException {
        long stored = ledger.storedCount(integrationId, type);
        Map<String, Long> sampled = new LinkedHashMap<>();
        ledger.storedObjects(integrationId, type, sample).forEach(fate -> sampled.put(fate.objectId(), fate.valueHash()));
        if (sampled.isEmpty()) {
            return new Verification.TypeCheck(type, stored, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        SentObjects sent = SentObjects.find(files, sampled, ID_FIELD);
        List<String> ids = sampled.keySet().stream().filter(sent.asSent::containsKey).toList();
        int calls = api.getObjectsCalls(ids);
        Map<String, JsonNode> inGong = ids.isEmpty() ? Map.of()
                : api.getObjects(ids, integrationId, type).crmObjectsMap();
        int differing = 0;
        int missing = 0;
        for (String id : ids) {
            SentObjects.SentLine line = sent.asSent.get(id);
            JsonNode theirs = inGong.get(id);
            if (theirs == null) {
                missing++;
                findings.add(new Finding(VERIFY_MISSING, Severity.ERROR, line.file(), line.line(), 0, id, null,
                        type + " " + id + " is not in Gong, though the ledger has it as stored (was it deleted in "
                                + "Gong, or the integration reset?); 'gongcrm push --full' sends every object again"));
                continue;
            }
            List<ValueComparison.Difference> differences = ValueComparison.differences(line.value(), theirs, ID_FIELD);
            if (!differences.isEmpty()) {
                differing++;
            }
            for (ValueComparison.Difference difference : differences) {
                findings.add(new Finding(VERIFY_MISMATCH, Severity.ERROR, line.file(), line.line(),
                        line.column(difference.field()), id, "/" + pointerToken(difference.field()),
                        type + " " + id + " differs in Gong: field '" + difference.field() + "' was sent "
                                + (difference.sent() == null ? "without a value" : "as " + quoted(difference.sent()))
                                + ", Gong has " + (difference.inGong() == null ? "no value" : quoted(difference.inGong()))
                                + "; 'gongcrm push --full' sends it again"));
            }
        }
        int notInBundle = sampled.size() - ids.size() - sent.changed.size() - sent.unrecorded.size();
        return new Verification.TypeCheck(type, stored, sampled.size(), ids.size(), differing, missing,
                sent.changed.size(), notInBundle, sent.unrecorded.size(), calls);
    }

    /** A value as a message quotes it: its JSON, cut short when long. */
    private static String quoted(JsonNode value) {
        String json = value.toString();
        return json.length() <= MAX_QUOTED_CHARS ? json : json.substring(0, MAX_QUOTED_CHARS) + "...";
    }

    /** A member name as a JSON pointer token (RFC 6901). */
    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
