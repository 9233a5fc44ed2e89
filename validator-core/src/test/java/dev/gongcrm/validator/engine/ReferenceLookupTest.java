package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reference is looked up from its bytes in the line when its value is plain ASCII, and as a String otherwise
 * (non-ASCII characters, escapes): both find the same targets and give the same findings, in line order.
 */
class ReferenceLookupTest {

    private static final String ACCOUNTS = """
            {"objectId": "a1", "modifiedDate": "2024-01-01T00:00:00Z", "name": "One"}
            {"objectId": "a2", "modifiedDate": "2024-01-02T00:00:00Z", "name": "Two", "isDeleted": true}
            {"objectId": "é3", "modifiedDate": "2024-01-03T00:00:00Z", "name": "Three"}
            """;

    private static String deal(String id, String account, String amount) {
        return "{\"objectId\": \"" + id + "\", \"modifiedDate\": \"2024-02-01T00:00:0" + id.charAt(1)
                + "Z\", \"accountId\": \"" + account + "\", \"ownerId\": \"u1\", \"name\": \"Deal\", \"amount\": "
                + amount + ", \"isOpen\": true, \"isWon\": false, \"stage\": \"s\"}";
    }

    @Test
    void idsInTheLineAndDecodedIdsAreFoundAlike() throws Exception {
        String deals = String.join("\n",
                deal("d1", "missing", "\"x\""),   // unresolved, then the amount's wrong type
                deal("d2", "a1", "1"),            // found: nothing
                deal("d3", "é-missing", "\"y\""), // not ASCII: looked up as a String, same findings
                deal("d4", "a2", "\"z\""),        // deleted
                deal("d5", "é3", "2"),            // found, not ASCII
                deal("d6", "a\\u0031", "3"))      // an escape: a1, found
                + "\n";
        List<String> found = Validator.builder().build().validateFiles(List.of(
                        file("accounts.ldjson", ObjectType.ACCOUNT, ACCOUNTS),
                        file("deals.ldjson", ObjectType.DEAL, deals)))
                .findings().stream()
                .filter(f -> f.file().equals("deals.ldjson"))
                .filter(f -> f.rule().contains("reference") || f.rule().equals("wrong-type"))
                .map(ReferenceLookupTest::describe).toList();
        assertEquals(List.of(
                "1:60 unresolved-reference /accountId",
                "1:117 wrong-type /amount",
                "3:60 unresolved-reference /accountId",
                "3:119 wrong-type /amount",
                "4:60 reference-to-deleted /accountId",
                "4:112 wrong-type /amount"), found);
    }

    private static BundleFile file(String name, ObjectType type, String lines) {
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        return new BundleFile(name, FileKind.ENTITIES, type, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    private static String describe(Finding finding) {
        return finding.line() + ":" + finding.column() + " " + finding.rule() + " " + finding.field();
    }
}
