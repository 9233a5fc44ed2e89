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
}
