package dev.gongcrm.validator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;

import java.util.List;

/**
 * Arbitrary bytes as the {@code *.schema.json} file of a type, followed by a small entity file of that
 * type whose lines use fields of many shapes (so whatever custom fields the schema defines are checked
 * against values), with the valid schema as the last uploaded one (so dropped fields are compared).
 * Whatever the bytes, the result is findings, never an exception.
 *
 * <p>In {@code mvn verify} each method runs only on its regression inputs, the files of
 * {@code src/test/resources/dev/gongcrm/validator/fuzz/SchemaFileFuzzTestInputs/} (shared) and of its
 * {@code <method>/} folder there. To fuzz one for longer (see {@link Fuzzing} for more):
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl validator-core -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='SchemaFileFuzzTest#accountSchema' -Djazzer.max_duration=10m}.
 */
class SchemaFileFuzzTest {

    private static final String ACCOUNTS = """
            {"objectId": "a1", "modifiedDate": "2019-01-03T23:45:57Z", "name": "A", "orderId": "o-1", "parentAccount": "a2", "category": "Investor", "region": "EMEA", "custom_field_1": "2022-02-04T17:57:23Z", "custom_field_2": 12.5, "flag": true, "tags": ["x", "y"], "when": "2022-02-04", "site": "https://a.example.com/", "count": 3}
            {"objectId": "a2", "modifiedDate": "2019-01-04T23:45:57Z", "name": "B", "parentAccount": "nope", "category": "analyst", "custom_field_1": "2022-02-30", "custom_field_2": "12", "flag": "yes", "tags": "x", "when": 20220204, "site": "a.example.com", "count": 1e400, "industry": "Tech"}
            {"objectId": "a3", "modifiedDate": "2019-01-05T23:45:57Z", "name": "C", "orderId": null, "parentAccount": ["a1"], "category": null, "custom_field_1": null, "custom_field_2": {"v": 1}, "tags": [1, null, "z"], "region": ""}
            """;

    private static final String DEALS = """
            {"objectId": "d1", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "D", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "s", "amount": 7000, "custom_field_1": "2022-02-04T17:57:23Z", "custom_field_2": 3.5, "category": "Customer", "flag": false, "tags": ["a"], "when": "2022-02-04", "site": "https://d.example.com/", "count": 2}
            {"objectId": "d2", "modifiedDate": "2022-02-05T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "E", "isOpen": false, "isWon": true, "stage": "s", "amount": "7000", "custom_field_1": "yesterday", "custom_field_2": "NaN", "category": 7, "flag": 0, "tags": "a", "when": "2022-13-01", "site": "d.example.com", "count": -1}
            """;

    private static final Validator ACCOUNT = validator("account.schema.json", Fuzzing.ACCOUNT_SCHEMA);
    private static final Validator DEAL = validator("deal.schema.json", Fuzzing.DEAL_SCHEMA);
    private static final BundleFile ACCOUNTS_FILE = Bundles.file("accounts.ldjson", ACCOUNTS);
    private static final BundleFile DEALS_FILE = Bundles.file("deals.ldjson", DEALS);

    @FuzzTest(maxDuration = "5m")
    void accountSchema(byte[] input) throws Exception {
        validate(ACCOUNT, "account.schema.json", ObjectType.ACCOUNT, input, ACCOUNTS_FILE);
    }

    @FuzzTest(maxDuration = "5m")
    void dealSchema(byte[] input) throws Exception {
        validate(DEAL, "deal.schema.json", ObjectType.DEAL, input, DEALS_FILE);
    }

    private static void validate(Validator validator, String schemaName, ObjectType type, byte[] schema,
                                 BundleFile entities) throws Exception {
        List<BundleFile> files = List.of(BundleFile.of(schemaName, FileKind.SCHEMA, type, schema), entities);
        Fuzzing.timed(() -> Fuzzing.validate(validator, files));
    }

    /** A validator whose prior uploads hold the schema as the type's last uploaded one. */
    private static Validator validator(String schemaName, String schema) {
        String uploaded = "--- " + Bundles.UPLOADED + schemaName + "\n" + schema;
        return Validator.builder().priorUploads(Bundles.priorUploads(uploaded)).build();
    }
}
