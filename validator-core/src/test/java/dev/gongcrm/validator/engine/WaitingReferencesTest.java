package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Waiting references come back as they went in, in their order, whatever their text and however many. */
class WaitingReferencesTest {

    private static final List<String> AWKWARD = List.of("", "acc-1", "é", "日本", "😀", "\uD83D", "\uDE00", "a\uDE00b",
            "\uD83D\uDE00x", "x".repeat(300), "\u0000", "?", "\uFFFD", "\u00ED\u00A0\u0080");

    @TempDir
    Path spill;

    private static String describe(ReferenceCheck check) {
        return String.join("|", check.file(), String.valueOf(check.line()), String.valueOf(check.column()),
                String.valueOf(check.objectId()), check.field(), check.value(), check.target().name(),
                check.targetKey());
    }

    @Test
    void referencesComeBackWholeAndInOrderFromTheHeapAndTheTemporaryFile() throws IOException {
        FindingTarget nowhere = finding -> { };
        List<String> accounts = new ArrayList<>();
        List<String> deals = new ArrayList<>();
        // a 64 KB allowance: most of them go to the temporary file
        try (WaitingReferences waiting = new WaitingReferences(spill, new HeapAllowance(64 << 10),
                nowhere)) {
            for (int i = 0; i < 60_000; i++) {
                String text = AWKWARD.get(i % AWKWARD.size()) + (i % 3 == 0 ? "" : i);
                ObjectType target = i % 4 == 0 ? ObjectType.DEAL : ObjectType.ACCOUNT;
                ReferenceCheck check = ReferenceCheck.of(nowhere, "accounts-" + i % 3 + ".ldjson", i + 1, i % 500,
                        i % 7 == 0 ? null : "id-" + text, i % 2 == 0 ? "parentAccount" : "partner", text, target,
                        "objectId");
                (target == ObjectType.DEAL ? deals : accounts).add(describe(check));
                waiting.add(check);
            }
            List<String> back = new ArrayList<>();
            waiting.drain(ObjectType.ACCOUNT, check -> back.add(describe(check)));
            assertEquals(accounts, back);
            back.clear();
            waiting.drain(ObjectType.ACCOUNT, check -> back.add(describe(check)));
            assertEquals(List.of(), back, "drained once");
            waiting.drain(ObjectType.DEAL, check -> back.add(describe(check)));
            assertEquals(deals, back);
        }
    }
}
