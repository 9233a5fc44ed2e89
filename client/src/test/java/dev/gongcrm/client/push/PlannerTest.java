package dev.gongcrm.client.push;

import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitting at line boundaries and content-derived ids, on files written byte by byte. */
class PlannerTest {

    @TempDir
    Path folder;

    private List<PlanStep> plan(String content, long limit) throws Exception {
        Path file = Files.writeString(folder.resolve("accounts.ldjson"), content);
        return new Planner(42, limit, Duration.ZERO).plan(new BundleScanner(Map.of()).scan(List.of(file)));
    }

    @Test
    void partsEndAtLineBoundariesAndCountTheirLinesAndObjects() throws Exception {
        List<PlanStep> parts = plan("aaaa\r\nbb\n\ncccc\ndd", 8);
        // "aaaa\r\n" | "bb\n" "\n" | "cccc\n" "dd" (the last line has no newline)
        assertEquals(List.of("0+6@1:1", "6+4@2:1", "10+7@4:2"),
                parts.stream().map(p -> p.offset() + "+" + p.bytes() + "@" + p.firstLine() + ":" + p.objects())
                        .toList());
        assertTrue(parts.stream().allMatch(p -> p.parts() == 3));
    }

    @Test
    void aPartOfBlankLinesOnlyIsNotSent() throws Exception {
        List<PlanStep> parts = plan("aaaa\n\n\n\n\n\n", 5);
        assertEquals(1, parts.size(), parts::toString);
        assertEquals(1, parts.get(0).objects());
        assertEquals(List.of(), plan("", 5));
    }

    @Test
    void aLineLongerThanTheLimitIsAnErrorAtItsLine() throws Exception {
        PushException error = assertThrows(PushException.class, () -> plan("aa\nbbbbbbbbbb\ncc\n", 6));
        assertTrue(error.getMessage().endsWith("accounts.ldjson:2: this line alone is 11 bytes, over the 6-byte "
                + "upload limit; Gong cannot take it in any upload"), error.getMessage());
        assertThrows(PushException.class, () -> plan("aa\nbbbbbbbbbb", 6));
        assertThrows(IllegalArgumentException.class, () -> new Planner(42, Planner.MAX_UPLOAD_BYTES + 1,
                Duration.ZERO));
    }

    @Test
    void theIdFollowsTheContentTypeAndIntegration() throws Exception {
        String id = plan("aaaa\n", 100).get(0).clientRequestId();
        assertTrue(id.matches("gongcrm-account-[0-9a-f]{24}"), id);
        assertEquals(id, plan("aaaa\n", 100).get(0).clientRequestId());
        assertNotEquals(id, plan("aaab\n", 100).get(0).clientRequestId());
        Path file = folder.resolve("accounts.ldjson");
        assertNotEquals(id, new Planner(43, 100, Duration.ZERO).plan(new BundleScanner(Map.of())
                .scan(List.of(file))).get(0).clientRequestId());
    }

    @Test
    void mappingFilesComeAfterTheSchemasAndBeforeTheObjectsWholeAndUnderTheirOwnIds() throws Exception {
        Files.writeString(folder.resolve("deals.ldjson"), "d\n");
        Files.writeString(folder.resolve("deal.schema.json"), "[]");
        Files.writeString(folder.resolve("stages.ldjson"), "s\n");
        Path mapping = Files.writeString(folder.resolve("user-mapping.ldjson"), "aaaa\n");
        Files.writeString(folder.resolve("users.ldjson"), "aaaa\n");

        List<PlanStep> steps = new Planner(42, 100, Duration.ZERO).plan(new BundleScanner(Map.of()).scan(List.of(folder)));

        assertEquals(List.of("SCHEMA deal.schema.json", "USER_MAPPING user-mapping.ldjson", "OBJECTS stages.ldjson",
                "OBJECTS users.ldjson", "OBJECTS deals.ldjson"), steps.stream()
                .map(step -> step.kind() + " " + step.file().getFileName()).toList());
        assertTrue(steps.get(1).clientRequestId().matches("gongcrm-business-user-mapping-[0-9a-f]{24}"),
                steps.get(1).clientRequestId());
        assertNotEquals(steps.get(1).contentHash(), steps.get(3).contentHash(), "same bytes, another endpoint");

        Files.writeString(mapping, "aaaa\nbbbb\n");
        PushException tooBig = assertThrows(PushException.class, () -> new Planner(42, 6, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(mapping))));
        assertTrue(tooBig.getMessage().contains("it cannot be split, as each /map/users request must hold the "
                + "complete list of users"), tooBig.getMessage());
    }

    @Test
    void onlyTheChangedObjectsAreCopiedInTheFilesOrderWithTheirLinesAndSplitAtTheLimit() throws Exception {
        String line = "{\"objectId\": \"%s\", \"v\": %d}";
        Path file = Files.writeString(folder.resolve("accounts.ldjson"), String.format(line + "\n" + line + "\n" + line
                + "\n" + line + "\n", "a", 0, "b", 1, "c", 0, "d", 0));
        try (Ledger ledger = Ledger.open(folder.resolve("ledger.db"))) {
            PlanStep sent = new Planner(42, 1000, Duration.ZERO).plan(new BundleScanner(Map.of()).scan(List.of(file)))
                    .get(0);
            ledger.sending(42, sent, sent.clientRequestId(), java.time.Instant.EPOCH);
            ledger.finished(42, sent.clientRequestId(), RequestEnding.done(), sent.type(), sent.content(), null,
                    java.time.Instant.EPOCH);
            Files.writeString(file, String.format(line + "\r\n\n" + line + "\n" + line + "\n" + line, "a", 1, "b", 1,
                    "c", 1, "d", 1));

            Sync sync = new Sync(ledger, false, java.util.Set.of(), "legacy", java.time.Instant.EPOCH, null);
            Planner planner = new Planner(42, 60, Duration.ZERO);
            try (Plan plan = planner.plan(new BundleScanner(Map.of()).scan(List.of(file)), Map.of(),
                    planner.scans(sync))) {
                List<PlanStep> steps = plan.steps();
                assertEquals(List.of(PlanStep.Selection.CHANGED, PlanStep.Selection.CHANGED),
                        steps.stream().map(PlanStep::selection).toList());
                assertEquals(String.format(line + "\r\n" + line + "\n", "a", 1, "c", 1), read(steps.get(0)),
                        "a and c with their line ends, no blank line; d did not fit under 60 bytes");
                assertEquals(String.format(line, "d", 1), read(steps.get(1)), "the file's last line, as it is");
                assertEquals(List.of(1, 4, 0), List.of(steps.get(0).fileLine(1), steps.get(0).fileLine(2),
                        steps.get(0).fileLine(3)));
                assertEquals(5, steps.get(1).fileLine(1));
                assertEquals(file, steps.get(0).file(), "findings and the ledger name the user's file");
                TypeCounts counts = plan.counts().get(dev.gongcrm.validator.ObjectType.ACCOUNT);
                assertEquals(List.of(4L, 3L, 1L), List.of(counts.objects(), counts.changed(), counts.unchanged()));
                java.nio.file.Path copy = steps.get(0).upload();
                assertTrue(Files.exists(copy));
                plan.close();
                assertTrue(Files.notExists(copy), "the copy goes with the plan");
            }
        }
    }

    private static String read(PlanStep step) throws Exception {
        try (var in = step.content().open()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
