package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.report.OutputOverwritesInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleFixerTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"%s\", \"name\": \"PBR\", \"domains\": [\"pbr.com\"]}";
    private static final String DEAL = "{\"objectId\": \"8608553\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", "
            + "\"accountId\": \"5ybyh6n6n65\", \"ownerId\": \"5486951\", \"name\": \"Deal name\", "
            + "\"createdDate\": \"2022-02-04T17:57:23Z\", \"closeDate\": \"2022-09-04\", \"isOpen\": %s, "
            + "\"isWon\": false, \"stage\": \"discovery\"%s}";

    @TempDir
    Path folder;

    private Path in(String name, String... lines) throws IOException {
        Path input = Files.createDirectories(folder.resolve("in")).resolve(name);
        Files.writeString(input, String.join("\n", lines) + "\n");
        return input;
    }

    private Path out() {
        return folder.resolve("out");
    }

    private static String account(String id, String modified) {
        return String.format(ACCOUNT, id, modified);
    }

    private static String deal(String isOpen, String more) {
        return String.format(DEAL, isOpen, more);
    }

    private FixSummary fix(FixOptions options, Path... inputs) throws Exception {
        return new BundleFixer(options).fixInto(List.of(inputs), out());
    }

    private FixSummary fix(Path... inputs) throws Exception {
        return fix(FixOptions.defaults(), inputs);
    }

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(out().resolve(name));
    }

    /** The rules still reported on the output. */
    private Set<String> remaining(FixOptions options) throws Exception {
        ValidationResult result = Validator.builder().initialUpload(options.initial()).build().validate(List.of(out()));
        return result.findings().stream().map(Finding::rule).collect(Collectors.toSet());
    }

    @Test
    void datetimeFormatDropsFractionalSecondsByTruncating() throws Exception {
        in("accounts.ldjson", account("a1", "2019-01-03T22:45:57.999Z"), account("a2", "2019-01-04T22:45:57.5+01:00"));
        FixSummary summary = fix(folder.resolve("in"));
        assertEquals(List.of(account("a1", "2019-01-03T22:45:57Z"), account("a2", "2019-01-04T22:45:57+01:00")),
                lines("accounts.ldjson"));
        assertEquals(Map.of("datetime-format", 2), summary.fixed());
        assertEquals(Set.of(), remaining(FixOptions.defaults()));
    }

    @Test
    void aDatetimeWithoutZoneGetsOneOnlyWhenTheUserNamesIt() throws Exception {
        in("accounts.ldjson", account("a1", "2019-01-03T22:45:57"), account("a2", "2019-07-03T22:45:57.000"));
        fix(folder.resolve("in"));
        assertEquals(List.of(account("a1", "2019-01-03T22:45:57"), account("a2", "2019-07-03T22:45:57.000")),
                lines("accounts.ldjson"), "half a fix is no fix: the line is left as it was");
        assertTrue(remaining(FixOptions.defaults()).contains("datetime-format"));

        FixOptions oslo = FixOptions.defaults().withAssumeZone(ZoneId.of("Europe/Oslo"));
        fix(oslo, folder.resolve("in"));
        assertEquals(List.of(account("a1", "2019-01-03T22:45:57+01:00"), account("a2", "2019-07-03T22:45:57+02:00")),
                lines("accounts.ldjson"));
        assertEquals(Set.of(), remaining(oslo));

        fix(FixOptions.defaults().withAssumeZone(ZoneId.of("Z")), folder.resolve("in"));
        assertEquals(account("a1", "2019-01-03T22:45:57Z"), lines("accounts.ldjson").get(0));
    }

    @Test
    void aLocalTimeTheClocksSkipIsNotGivenAnOffset() {
        DatetimeFormatFix fix = new DatetimeFormatFix(ZoneId.of("Europe/Oslo"));
        assertEquals(null, fix.repair("2021-03-28T02:30:00"), "02:30 does not exist in Oslo that night");
        assertEquals(null, fix.repair("2021-10-31T02:30:00"), "02:30 happens twice in Oslo that night");
        assertEquals("2021-03-28T03:30:00+02:00", fix.repair("2021-03-28T03:30:00"));
    }

    @Test
    void deprecatedFieldsAreRenamedOrDroppedWhenTheReplacementHoldsTheSameValue() throws Exception {
        in("deals.ldjson", deal("true", ", \"estimatedAmount\": 7000"));
        fix(folder.resolve("in"));
        assertEquals(List.of(deal("true", ", \"amount\": 7000")), lines("deals.ldjson"));

        in("deals.ldjson", deal("true", ", \"estimatedAmount\": 7000.0, \"amount\": 7000"));
        fix(folder.resolve("in"));
        assertEquals(List.of(deal("true", ", \"amount\": 7000")), lines("deals.ldjson"));

        in("deals.ldjson", deal("true", ", \"estimatedAmount\": 7000, \"actualAmount\": 7000"));
        FixSummary both = fix(folder.resolve("in"));
        assertEquals(List.of(deal("true", ", \"amount\": 7000")), lines("deals.ldjson"));
        assertEquals(Map.of("deprecated-field", 2), both.fixed());
        assertEquals(Set.of(), remaining(FixOptions.defaults()));

        in("deals.ldjson", deal("true", ", \"amount\": 7000, \"estimatedAmount\": 8000"));
        FixSummary different = fix(folder.resolve("in"));
        assertEquals(0, different.total(), "which amount is right is the user's call");
        assertEquals(Set.of("deprecated-field"), remaining(FixOptions.defaults()));
    }

    @Test
    void wrongTypeUnquotesOnlyWhatCannotMeanAnythingElse() throws Exception {
        in("deals.ldjson", deal("\"true\"", ", \"amount\": \"12000.5\""));
        FixSummary summary = fix(folder.resolve("in"));
        assertEquals(List.of(deal("true", ", \"amount\": 12000.5")), lines("deals.ldjson"));
        assertEquals(Map.of("wrong-type", 2), summary.fixed());
        assertEquals(Set.of(), remaining(FixOptions.defaults()));

        in("deals.ldjson", deal("\"yes\"", ", \"amount\": \"1,000\""));
        assertEquals(0, fix(folder.resolve("in")).total());
        assertEquals(Set.of("wrong-type"), remaining(FixOptions.defaults()));
    }

    @Test
    void exactDuplicatesAreDroppedAndVersionsAreLeftUnlessTheLatestIsKept() throws Exception {
        String first = account("a1", "2019-01-03T22:45:57Z");
        String repeatAfterFix = account("a1", "2019-01-03T22:45:57.000Z");
        String newer = account("a1", "2019-01-05T22:45:57Z").replace("PBR", "PBR Inc");
        String other = account("a2", "2019-01-04T22:45:57Z");
        in("accounts.ldjson", first, repeatAfterFix, other);
        FixSummary summary = fix(folder.resolve("in"));
        assertEquals(List.of(first, other), lines("accounts.ldjson"));
        assertEquals(Map.of("datetime-format", 1, "duplicate-object", 1), summary.fixed());

        in("accounts.ldjson", first, other, newer);
        assertEquals(0, fix(folder.resolve("in")).total());
        assertEquals(Set.of("duplicate-object"), remaining(FixOptions.defaults()));

        FixOptions latest = FixOptions.defaults().withKeepLatest(true);
        FixSummary kept = fix(latest, folder.resolve("in"));
        assertEquals(List.of(other, newer), lines("accounts.ldjson"));
        assertEquals(new FixSummary.Change("accounts.ldjson", 1, "duplicate-object", first, null),
                withFileName(kept.changes().get(0)));
        assertEquals(Set.of(), remaining(latest));
    }

    @Test
    void aUserMappingFileLosesItsExactRepeatsByCrmUserIdAndKeepsItsOrder() throws Exception {
        String jane = "{\"crmUserId\": \"u2\", \"emailAddress\": \"jane@example.com\"}";
        String john = "{\"crmUserId\": \"u1\", \"emailAddress\": \"john@example.com\"}";
        in("user-mapping.ldjson", jane, john, jane);
        assertEquals(Map.of("duplicate-object", 1), fix(folder.resolve("in")).fixed());
        assertEquals(List.of(jane, john), lines("user-mapping.ldjson"));
        assertEquals(Set.of(), remaining(FixOptions.defaults()));
    }

    @Test
    void deletedObjectsAreDroppedOnlyFromAnInitialUpload() throws Exception {
        String kept = "{\"objectId\": \"u1\", \"emailAddress\": \"u1@example.com\", \"modifiedDate\": \"2019-01-03T23:45:57+01:00\"}";
        String deleted = "{\"objectId\": \"u2\", \"isDeleted\": true, \"emailAddress\": \"u2@example.com\", \"modifiedDate\": \"2019-01-03T23:45:57+01:00\"}";
        in("users.ldjson", kept, deleted);
        assertEquals(0, fix(folder.resolve("in")).total());
        assertEquals(2, lines("users.ldjson").size());

        FixOptions initial = FixOptions.defaults().withInitial(true);
        assertEquals(Map.of("deleted-on-initial-upload", 1), fix(initial, folder.resolve("in")).fixed());
        assertEquals(List.of(kept), lines("users.ldjson"));
        assertEquals(Set.of(), remaining(initial));
    }

    @Test
    void linesAreSortedStablyByInstantWithUndatedLinesLast() throws Exception {
        in("accounts.ldjson",
                account("a1", "2019-01-04T08:30:00+01:00"), // 07:30Z
                "not json at all",
                account("a2", "2019-01-04T08:00:00Z"),
                account("a3", "2019-01-04T07:30:00Z"),
                account("a4", "2019-01-04T06:00:00Z"));
        FixSummary summary = fix(folder.resolve("in"));
        assertEquals(List.of(account("a4", "2019-01-04T06:00:00Z"), account("a1", "2019-01-04T08:30:00+01:00"),
                account("a3", "2019-01-04T07:30:00Z"), account("a2", "2019-01-04T08:00:00Z"), "not json at all"),
                lines("accounts.ldjson"));
        assertEquals(Map.of("unsorted-modified-date", 2), summary.fixed());
        assertEquals(Set.of("invalid-json"), remaining(FixOptions.defaults()), "the line that is not JSON is left as it was");
    }

    @Test
    void aFileLargerThanTheSortMemoryIsSortedByMergingRunsOnDisk() throws Exception {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // few distinct instants, so that stability across runs is tested too
            lines.add(account("id" + i, String.format("2019-01-%02dT10:00:00Z", 1 + random.nextInt(5))));
        }
        in("accounts.ldjson", lines.toArray(String[]::new));
        List<String> expected = new ArrayList<>(lines);
        expected.sort(Comparator.comparing(line -> line.substring(line.indexOf("2019-"))));

        FixOptions tiny = FixOptions.defaults().withLimits(4096, FixOptions.defaults().maxPartBytes());
        fix(tiny, folder.resolve("in"));
        assertEquals(expected, lines("accounts.ldjson"));
        try (Stream<Path> files = Files.list(out())) {
            assertEquals(List.of("accounts.ldjson"), files.map(f -> f.getFileName().toString()).toList(),
                    "runs and temporary files are deleted");
        }
        assertEquals(Set.of(), remaining(tiny));
    }

    @Test
    void aFileOverTheLimitIsSplitIntoPartsTheScannerTypesLikeTheFile() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(account("id" + i, String.format("2019-01-01T10:%02d:00Z", i)));
        }
        Path input = in("accounts.ldjson", lines.toArray(String[]::new));
        long limit = Files.size(input) / 3;
        FixSummary summary = fix(FixOptions.defaults().withLimits(1 << 20, limit), folder.resolve("in"));
        assertEquals(Map.of("payload-too-large", 1), summary.fixed());
        List<BundleFile> parts = new BundleScanner(Map.of()).scan(List.of(out()));
        assertEquals(List.of("accounts.part-001.ldjson", "accounts.part-002.ldjson", "accounts.part-003.ldjson",
                        "accounts.part-004.ldjson"),
                parts.stream().map(part -> Path.of(part.name()).getFileName().toString()).toList());
        List<String> joined = new ArrayList<>();
        for (BundleFile part : parts) {
            assertEquals(ObjectType.ACCOUNT, part.type());
            assertTrue(part.size() <= limit, part.name());
            joined.addAll(Files.readAllLines(Path.of(part.name())));
        }
        assertEquals(lines, joined, "order kept, nothing lost");
    }

    @Test
    void theValidBundleIsCopiedByteForByte() throws Exception {
        Path valid = EXAMPLES.resolve("valid-bundle");
        FixSummary summary = fix(valid);
        assertEquals(0, summary.total());
        try (Stream<Path> files = Files.list(valid)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out().resolve(file.getFileName())),
                        file.toString());
            }
        }
    }

    @Test
    void theBrokenBundleKeepsOnlyWhatNoMachineCanDecide() throws Exception {
        FixOptions latest = FixOptions.defaults().withKeepLatest(true);
        FixSummary summary = fix(latest, EXAMPLES.resolve("broken-bundle"));
        assertEquals(Map.of("unsorted-modified-date", 2, "datetime-format", 2, "wrong-type", 1, "deprecated-field", 1,
                "duplicate-object", 1), summary.fixed());
        ValidationResult result = Validator.builder().build().validate(List.of(out()));
        Set<String> entityRules = result.findings().stream().filter(f -> f.file().endsWith(".ldjson"))
                .map(Finding::rule).collect(Collectors.toSet());
        assertEquals(Set.of("url-format", "invalid-json", "domain-format", "picklist-value", "missing-mandatory-field",
                "date-format", "inconsistent-deal-status", "unresolved-reference"), entityRules);
    }

    @Test
    void schemaFileDefinitionsGetTheirDatetimeAndTheirCurrentNameField() throws Exception {
        in("deal.schema.json",
                "[{\"name\": \"region\", \"label\": \"Region\", \"type\": \"STRING\", \"lastModified\": \"2020-11-11T08:11:34.120+01:00\"},",
                " {\"uniqueName\": \"size\", \"name\": \"size\", \"label\": \"Size\", \"type\": \"NUMBER\", \"lastModified\": \"2020-11-11T08:11:34Z\"},",
                " {\"uniqueName\": \"tier\", \"name\": \"level\", \"label\": \"Tier\", \"type\": \"STRING\", \"lastModified\": \"2020-11-11T08:11:34Z\"}]");
        FixSummary summary = fix(folder.resolve("in"));
        assertEquals(List.of(
                "[{\"uniqueName\": \"region\", \"label\": \"Region\", \"type\": \"STRING\", \"lastModified\": \"2020-11-11T08:11:34+01:00\"},",
                " {\"uniqueName\": \"size\", \"label\": \"Size\", \"type\": \"NUMBER\", \"lastModified\": \"2020-11-11T08:11:34Z\"},",
                " {\"uniqueName\": \"tier\", \"name\": \"level\", \"label\": \"Tier\", \"type\": \"STRING\", \"lastModified\": \"2020-11-11T08:11:34Z\"}]"),
                lines("deal.schema.json"));
        assertEquals(Map.of("datetime-format", 1, "deprecated-field", 2), summary.fixed());
        assertEquals(Set.of("deprecated-field"), remaining(FixOptions.defaults()), "'level' or 'tier': the user's call");
    }

    @Test
    void customFieldsOfTheBundlesSchemaFileAreFixedByTheirType() throws Exception {
        in("deal.schema.json",
                "[{\"uniqueName\": \"renewal\", \"label\": \"Renewal\", \"type\": \"DATETIME\", \"lastModified\": \"2022-02-01T10:00:00Z\"},",
                " {\"uniqueName\": \"seats\", \"label\": \"Seats\", \"type\": \"NUMBER\", \"lastModified\": \"2022-02-01T10:00:00Z\"}]");
        in("deals.ldjson", deal("true", ", \"amount\": 7000, \"renewal\": \"2023-02-01T10:00:00.000Z\", \"seats\": \"12\""));
        FixSummary summary = fix(folder.resolve("in"));
        assertEquals(List.of(deal("true", ", \"amount\": 7000, \"renewal\": \"2023-02-01T10:00:00Z\", \"seats\": 12")),
                lines("deals.ldjson"));
        assertEquals(Map.of("datetime-format", 1, "wrong-type", 1), summary.fixed());
        assertEquals(Set.of(), remaining(FixOptions.defaults()));
    }

    @Test
    void fixingTwiceChangesNothingMore() throws Exception {
        FixOptions latest = FixOptions.defaults().withKeepLatest(true);
        fix(latest, EXAMPLES.resolve("broken-bundle"));
        Path once = folder.resolve("once");
        Files.move(out(), once);
        FixSummary again = fix(latest, once);
        assertEquals(0, again.total(), again.describe());
        try (Stream<Path> files = Files.list(once)) {
            for (Path file : files.toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out().resolve(file.getFileName())),
                        file.toString());
            }
        }
    }

    /** In place through a symbolic link: the file it names is fixed, and the link stays a link. */
    @Test
    void aFileFixedInPlaceThroughALinkKeepsTheLink() throws Exception {
        Path real = in("accounts.ldjson", account("a1", "2019-01-03T22:45:57.999Z"));
        Path linked = Files.createDirectories(folder.resolve("linked"));
        Path link = Files.createSymbolicLink(linked.resolve("accounts.ldjson"), real);
        new BundleFixer(FixOptions.defaults()).fixInPlace(List.of(linked));
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(List.of(account("a1", "2019-01-03T22:45:57Z")), Files.readAllLines(real));
    }

    @Test
    void theInputIsNeverTouchedAndCannotBeTheOutput() throws Exception {
        Path input = in("accounts.ldjson", account("a2", "2019-01-05T00:00:00Z"), account("a1", "2019-01-04T00:00:00.000Z"));
        byte[] before = Files.readAllBytes(input);
        fix(folder.resolve("in"));
        assertArrayEquals(before, Files.readAllBytes(input));

        OutputOverwritesInputException refused = assertThrows(OutputOverwritesInputException.class,
                () -> new BundleFixer(FixOptions.defaults()).fixInto(List.of(folder.resolve("in")), folder.resolve("in")));
        assertTrue(refused.getMessage().contains("--in-place"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    @Test
    void aLinkToAnInputInTheOutputFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path input = in("accounts.ldjson", account("a2", "2019-01-05T00:00:00Z"), account("a1", "2019-01-04T00:00:00.000Z"));
        Path contacts = in("contacts.ldjson", "{}");
        byte[] before = Files.readAllBytes(input);
        Path linked = Files.createDirectories(out()).resolve("accounts.ldjson");
        Files.createLink(linked, input);

        OutputOverwritesInputException refused = assertThrows(OutputOverwritesInputException.class,
                () -> new BundleFixer(FixOptions.defaults()).fixInto(List.of(folder.resolve("in")), out()));

        assertEquals("the fixed file '" + linked + "' would overwrite the input '" + input + "' (a hard link to it); "
                + "choose another --out folder, or --in-place to replace the input files", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(input));
        assertFalse(Files.exists(out().resolve(contacts.getFileName())), "no file of the bundle was written");
    }

    @Test
    void aPartOfASplitThatWouldLandOnAnotherInputIsRefusedAndLeavesNoTemporaryFile() throws Exception {
        // last night's parts beside tonight's whole export: splitting it in place would overwrite part 1
        Path whole = in("deals.ldjson", deal("true", ""), deal("true", "").replace("8608553", "8608554"));
        Path oldPart = in("deals.part-001.ldjson", deal("false", "").replace("8608553", "7"));
        byte[] before = Files.readAllBytes(oldPart);
        FixOptions smallParts = FixOptions.defaults().withLimits(FixOptions.DEFAULT_SORT_MEMORY_BYTES, 300);

        OutputOverwritesInputException refused = assertThrows(OutputOverwritesInputException.class,
                () -> new BundleFixer(smallParts).fixInPlace(List.of(whole, oldPart)));

        assertEquals("a part of '" + whole + "' '" + oldPart + "' would overwrite the input '" + oldPart + "'; fix the "
                + "file apart from the parts of an earlier split, or remove those", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(oldPart));
        try (Stream<Path> files = Files.list(folder.resolve("in"))) {
            assertEquals(List.of("deals.ldjson", "deals.part-001.ldjson"),
                    files.map(path -> path.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void aSplitThatFailsHalfwayLeavesNoTemporaryPartBehind() throws Exception {
        Path deals = in("deals.ldjson", deal("true", ""), deal("true", "").replace("8608553", "2"),
                deal("true", "").replace("8608553", "3"));
        // something of another program's where part 2 goes: the rename onto it fails
        Files.writeString(Files.createDirectories(out().resolve("deals.part-002.ldjson")).resolve("keep.txt"), "x");
        FixOptions smallParts = FixOptions.defaults().withLimits(FixOptions.DEFAULT_SORT_MEMORY_BYTES, 300);

        IOException failed = assertThrows(IOException.class, () -> fix(smallParts, deals));

        assertTrue(failed.getMessage().startsWith("cannot fix '" + deals + "'"), failed.getMessage());
        try (Stream<Path> files = Files.list(out())) {
            assertEquals(List.of(), files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(".gongcrm-fix.")).toList(), "each part is as large as the limit");
        }
    }

    @Test
    void inPlaceReplacesTheInputFiles() throws Exception {
        Path input = in("accounts.ldjson", account("a2", "2019-01-05T00:00:00Z"), account("a1", "2019-01-04T00:00:00.000Z"));
        FixSummary summary = new BundleFixer(FixOptions.defaults()).fixInPlace(List.of(input));
        assertEquals(2, summary.total());
        assertEquals(List.of(account("a1", "2019-01-04T00:00:00Z"), account("a2", "2019-01-05T00:00:00Z")),
                Files.readAllLines(input));
        try (Stream<Path> files = Files.list(folder.resolve("in"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void thePreviewListsTheChangesAndWritesNothing() throws Exception {
        Path input = in("accounts.ldjson", account("a1", "2019-01-04T00:00:00.000Z"));
        FixSummary summary = new BundleFixer(FixOptions.defaults()).preview(List.of(input));
        assertEquals(List.of(new FixSummary.Change(input.toString(), 1, "datetime-format",
                account("a1", "2019-01-04T00:00:00.000Z"), account("a1", "2019-01-04T00:00:00Z"))), summary.changes());
        assertFalse(Files.exists(out()));
        assertEquals(List.of(account("a1", "2019-01-04T00:00:00.000Z")), Files.readAllLines(input));
    }

    @Test
    void thePreviewKeepsAtMostItsCapOfChanges() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < FixSummary.MAX_CHANGES + 50; i++) {
            lines.add(account("id" + i, "2019-01-04T00:00:00.000Z"));
        }
        FixSummary summary = new BundleFixer(FixOptions.defaults()).preview(List.of(in("accounts.ldjson",
                lines.toArray(String[]::new))));
        assertEquals(FixSummary.MAX_CHANGES, summary.changes().size());
        assertEquals(50, summary.changesLeftOut());
        assertEquals(FixSummary.MAX_CHANGES + 50, summary.total(), "the counts include every change");
    }

    @Test
    void aFileThatIsNotUtf8IsCopiedAsItIs() throws Exception {
        Path input = Files.createDirectories(folder.resolve("in")).resolve("accounts.ldjson");
        byte[] latin1 = (account("a2", "2019-01-05T00:00:00Z") + "\n" + account("a1", "2019-01-04T00:00:00Z")
                .replace("PBR", "Caf\u00e9") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(input, latin1);
        assertEquals(0, fix(input).total());
        assertArrayEquals(latin1, Files.readAllBytes(out().resolve("accounts.ldjson")));
        try (Stream<Path> files = Files.list(out())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void membersKeepTheirSpacingWhenANeighbourIsRemoved() {
        JsonLine line = JsonLine.parse("{ \"a\" : 1 ,\"b\":[1, {\"c\": 2}] , \"d\": \"x\\\"y\" }");
        assertEquals(List.of("a", "b", "d"), line.members().stream().map(JsonLine.Member::name).toList());
        assertEquals("{ \"b\":[1, {\"c\": 2}] , \"d\": \"x\\\"y\" }", line.apply(List.of(line.remove(line.member("a")))));
        assertEquals("{ \"a\" : 1 , \"d\": \"x\\\"y\" }", line.apply(List.of(line.remove(line.member("b")))));
        assertEquals("{ \"a\" : 1 ,\"b\":[1, {\"c\": 2}] }", line.apply(List.of(line.remove(line.member("d")))));
        assertEquals(null, JsonLine.parse("{\"a\": 1, \"a\": 2}"), "a repeated key is not fixed");
        assertEquals(null, JsonLine.parse("{\"a\": 1} // note"));
    }

    private static FixSummary.Change withFileName(FixSummary.Change change) {
        return new FixSummary.Change(Path.of(change.file()).getFileName().toString(), change.line(), change.rule(),
                change.before(), change.after());
    }
}
