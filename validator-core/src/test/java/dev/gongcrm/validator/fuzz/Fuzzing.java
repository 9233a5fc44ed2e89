package dev.gongcrm.validator.fuzz;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the fuzz tests of this package share: the companion bundle, running a validation and the
 * properties every result must have.
 *
 * <h2>In the build: regression inputs only</h2>
 *
 * A plain {@code mvn verify} runs each {@code @FuzzTest} (Jazzer's JUnit 5 integration) as a parameterized
 * test: once on the empty input and once on every file under
 * {@code src/test/resources/dev/gongcrm/validator/fuzz/<Class>Inputs/} (files directly in it are shared by
 * all the methods of the class; {@code <Class>Inputs/<method>/} holds one method's own inputs, e.g. the
 * crashes fuzzing found). No fuzzing: fast and deterministic. Jazzer's hooks are off for these runs
 * ({@code jazzer.hooks=false} in validator-core's pom, saving ~20 s), so a sanitizer finding would not
 * be reproduced; an exception or a failed check is.
 *
 * <h2>Fuzzing on demand</h2>
 *
 * One method per run (Jazzer fuzzes one {@code @FuzzTest} per JVM), from the repository root:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -ntp -pl validator-core -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='EntityFileFuzzTest#deals' -Djazzer.max_duration=10m \
 *     -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-dict=$PWD/validator-core/src/test/resources/dev/gongcrm/validator/fuzz/gongcrm.dict
 * </pre>
 *
 * {@code JAZZER_FUZZ} also switches the hooks on (profile {@code jazzer-fuzz}). {@code -Djazzer.max_duration}
 * overrides the annotation's {@code maxDuration} ({@code 5m}; empty for no limit), or
 * {@code -Djazzer.max_executions=N} bounds the runs. The two {@code jazzer.internal.arg} properties are
 * optional: they hand libFuzzer the dictionary of JSON tokens, encodings and Gong field names
 * ({@code @DictionaryFile} would do it too, but logs a line and writes a temporary file for every
 * regression input of every build). New interesting inputs go to
 * {@code validator-core/.cifuzz-corpus/<class>/<method>/}, which is not kept; a crash is written as
 * {@code crash-<sha1>} into the method's inputs folder under {@code src/test/resources} and from then on
 * runs in every build: give it a name that says what it is and keep it. While fuzzing, an input that takes
 * more than {@link #SLOW_SECONDS} seconds is a failure too.
 */
final class Fuzzing {

    /** While fuzzing, one input validated and reported in more than this is a finding (quadratic paths). */
    static final long SLOW_SECONDS = 10;

    /** Whether Jazzer is fuzzing (rather than running the regression inputs). */
    static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();

    /** The account schema of the valid example bundle. */
    static final String ACCOUNT_SCHEMA = """
            [{"uniqueName": "orderId", "label": "ID", "type": "ID", "lastModified": "2020-11-11T08:11:34+01:00"},
             {"uniqueName": "parentAccount", "label": "Main Account", "type": "REFERENCE", "referenceTo": "ACCOUNT", "lastModified": "2020-11-11T08:11:34+01:00"},
             {"uniqueName": "category", "label": "Category", "type": "PICKLIST", "orderedValueList": ["Analyst", "Competitor", "Customer", "Integrator", "Investor", "Partner", "Other"], "lastModified": "2020-11-11T08:11:34+01:00"},
             {"uniqueName": "industry", "isDeleted": true, "lastModified": "2020-11-21T08:11:34+01:00"}]
            """;

    /** The deal schema of the valid example bundle. */
    static final String DEAL_SCHEMA = """
            [{"uniqueName": "custom_field_1", "label": "Custom field 1", "type": "DATETIME", "lastModified": "2022-02-01T10:00:00Z"},
             {"uniqueName": "custom_field_2", "label": "Custom field 2", "type": "NUMBER", "lastModified": "2022-02-01T10:00:00Z"}]
            """;

    /**
     * The valid example bundle (examples/valid-bundle, abridged, plus an inactive stage): files to put next
     * to the one fuzzed, so that its references, custom fields and ids meet real data. Only those a test
     * names: each file of a run costs about a millisecond, and fuzzing wants thousands of runs a second.
     */
    static final String VALID_BUNDLE = "--- account.schema.json\n" + ACCOUNT_SCHEMA
            + "--- deal.schema.json\n" + DEAL_SCHEMA + """
            --- stages.ldjson
            {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
            {"objectId": "won", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "won", "name": "Closed Won", "isActive": true, "sortOrder": 5}
            {"objectId": "old", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "old", "name": "Old", "isActive": false, "sortOrder": 9}
            --- users.ldjson
            {"objectId": "user1_Id_In_The_CRM", "emailAddress": "user1@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
            {"objectId": "user2_Id_In_The_CRM", "isDeleted": true, "emailAddress": "user2@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
            {"objectId": "5486951", "emailAddress": "deal.owner@example.com", "modifiedDate": "2019-01-04T08:00:00Z"}
            --- accounts.ldjson
            {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "url": "https://crm.com/accounts/5ybyh6n6n65", "name": "PBR", "domains": ["pbr.com", "pbr.gov"], "category": "Investor"}
            {"objectId": "gfjhty756th", "modifiedDate": "2019-01-03T22:45:57Z", "name": "PBR Labs", "domains": ["pbrlabs.com"], "isDeleted": true}
            --- contacts.ldjson
            {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "url": "https://crm.com/contacts/5zbwd7n5n65", "accountId": "5ybyh6n6n65", "emailAddress": "john.smith@example.com", "firstName": "john", "lastName": "smith", "phoneNumber": "(912) 507-4395"}
            --- deals.ldjson
            {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "url": "https://crm.com/deals/8608553", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000, "custom_field_1": "2022-02-04T17:57:23Z", "custom_field_2": null}
            """;

    private static final List<BundleFile> COMPANIONS = Bundles.parse(VALID_BUNDLE);

    private static final Set<String> RULES = RuleCatalog.all().stream().map(RuleMeta::name).collect(Collectors.toSet());

    private Fuzzing() {
    }

    /** The fuzzed file with the named files of the companion bundle, e.g. those its references point at. */
    static List<BundleFile> bundle(BundleFile fuzzed, String... companions) {
        List<BundleFile> files = new ArrayList<>();
        for (String name : companions) {
            files.add(COMPANIONS.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no companion file " + name)));
        }
        files.add(fuzzed);
        return files;
    }

    /**
     * A file from raw fuzzer bytes: when they start with {@code "--- "}, the rest of that first line is
     * the file's name (its kind and type follow from the name, as for a file on disk) and the bytes after
     * it are the content; otherwise the whole input is the content of {@code defaultName}.
     */
    static BundleFile namedFile(byte[] input, String defaultName) {
        String name = defaultName;
        byte[] content = input;
        if (input.length >= 4 && input[0] == '-' && input[1] == '-' && input[2] == '-' && input[3] == ' ') {
            int end = 4;
            while (end < input.length && input[end] != '\n') {
                end++;
            }
            name = new String(input, 4, end - 4, StandardCharsets.UTF_8);
            content = Arrays.copyOfRange(input, Math.min(end + 1, input.length), input.length);
        }
        FileKind kind = FileKind.fromFileName(name);
        String baseName = name.substring(name.lastIndexOf('/') + 1);
        String typeName = kind == FileKind.SCHEMA
                ? baseName.substring(0, baseName.length() - ".schema.json".length()) : baseName;
        return BundleFile.of(name, kind == null ? FileKind.ENTITIES : kind,
                ObjectType.fromFileName(typeName).orElse(null), content);
    }

    /**
     * Validates the files and checks what every result must hold. Anything thrown is a failure: bad
     * input must come back as findings.
     */
    static ValidationResult validate(Validator validator, List<BundleFile> files) throws IOException {
        ValidationResult result = validator.validateFiles(files);
        check(result);
        return result;
    }

    /** What every result holds, whatever the input. */
    static void check(ValidationResult result) {
        for (Finding finding : result.findings()) {
            if (finding.rule() == null || !RULES.contains(finding.rule()) || finding.severity() == null
                    || finding.file() == null || finding.message() == null || finding.message().isBlank()
                    || finding.line() < 0 || finding.column() < 0) {
                throw new AssertionError("malformed finding: " + finding);
            }
        }
        if (result.total() < result.findings().size()) {
            throw new AssertionError("counts " + result.counts() + " below the " + result.findings().size()
                    + " findings kept");
        }
    }

    /** Runs the check, and while fuzzing fails when it took more than {@link #SLOW_SECONDS}. */
    static void timed(ThrowingRunnable check) throws Exception {
        long start = System.nanoTime();
        check.run();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (FUZZING && seconds > SLOW_SECONDS) {
            throw new AssertionError("one input took " + seconds + " s (limit " + SLOW_SECONDS + " s while fuzzing)");
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
