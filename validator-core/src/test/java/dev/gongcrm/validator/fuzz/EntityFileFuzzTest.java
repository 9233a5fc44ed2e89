package dev.gongcrm.validator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;

/**
 * Arbitrary bytes as the entity file of one type, validated (reader, engine, every rule) next to the
 * files of the valid example bundle that its references point at, and its type's custom fields: whatever
 * the bytes, the result is findings, never an exception.
 *
 * <p>In {@code mvn verify} each method runs only on its regression inputs, the files of
 * {@code src/test/resources/dev/gongcrm/validator/fuzz/EntityFileFuzzTestInputs/} (shared) and of its
 * {@code <method>/} folder there. To fuzz one for longer (see {@link Fuzzing} for more):
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl validator-core -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='EntityFileFuzzTest#deals' -Djazzer.max_duration=10m}.
 */
class EntityFileFuzzTest {

    /** Every option that turns rules on: deleted objects are findings, contacts and leads need a phone. */
    private static final Validator VALIDATOR = Validator.builder().initialUpload(true).dialer(true).build();

    @FuzzTest(maxDuration = "5m")
    void deals(byte[] input) throws Exception {
        validate("deals.ldjson", ObjectType.DEAL, input, "deal.schema.json", "stages.ldjson", "users.ldjson",
                "accounts.ldjson");
    }

    @FuzzTest(maxDuration = "5m")
    void accounts(byte[] input) throws Exception {
        validate("accounts.ldjson", ObjectType.ACCOUNT, input, "account.schema.json", "users.ldjson");
    }

    @FuzzTest(maxDuration = "5m")
    void leads(byte[] input) throws Exception {
        validate("leads.ldjson", ObjectType.LEAD, input, "users.ldjson", "accounts.ldjson", "contacts.ldjson",
                "deals.ldjson");
    }

    /** Validates the input as the file of that name and type next to the companion files its references need. */
    private static void validate(String name, ObjectType type, byte[] input, String... companions) throws Exception {
        BundleFile file = BundleFile.of(name, FileKind.ENTITIES, type, input);
        Fuzzing.timed(() -> Fuzzing.validate(VALIDATOR, Fuzzing.bundle(file, companions)));
    }
}
