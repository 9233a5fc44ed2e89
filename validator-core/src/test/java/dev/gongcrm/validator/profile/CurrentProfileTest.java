package dev.gongcrm.validator.profile;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of gong-openapi-current.json where they differ from the seed's, as the current profile applies them. */
class CurrentProfileTest {

    private static final Validator CURRENT = Validator.builder().profile("current").build();
    private static final String MODIFIED = "\"modifiedDate\": \"2019-01-03T23:45:57+01:00\"";

    private static List<String> rulesRaised(String bundle) {
        return Bundles.validate(CURRENT, bundle).findings().stream().map(Finding::rule).toList();
    }

    private static List<Finding> findings(Validator validator, String bundle, String rule) {
        return Bundles.validate(validator, bundle).findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static String account(String objectId) {
        return "--- accounts.ldjson\n{\"objectId\": \"" + objectId + "\", " + MODIFIED + "}\n";
    }

    /**
     * The decision on the description's own example: its note allows letters, digits and '-' only, its
     * examples use '_' (user1_Id_In_The_CRM). Both documented shapes are accepted; nothing else is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"user1_Id_In_The_CRM", "5ybyh6n6n65", "acme-EMEA-01", "john.doe@acme.com",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void objectIdsOfLettersDigitsDashUnderscoreOrAnEmailAreAccepted(String objectId) {
        assertEquals(List.of(), rulesRaised(account(objectId)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme corp", "acme/EMEA", "acme.corp", "id:42", "#1",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void otherObjectIdsAreStringFormatErrors(String objectId) {
        List<Finding> raised = findings(CURRENT, account(objectId), "string-format");
        assertEquals(1, raised.size(), objectId);
        assertEquals("/objectId", raised.get(0).field());
        assertTrue(raised.get(0).message().contains("64 characters"), raised.get(0).message());
    }

    @Test
    void theLegacyProfileKeepsTheSeedsFreeFormObjectIds() {
        assertEquals(List.of(), Bundles.findings("--- stages.ldjson\n{\"objectId\": \"acme corp/1\", " + MODIFIED
                + ", \"internalName\": \"a\", \"name\": \"A\", \"isActive\": true, \"sortOrder\": 1}\n", "string-format"));
    }

    @Test
    void modifiedDateIsMandatoryForEveryTypeButStage() {
        assertEquals(List.of(), rulesRaised("--- stages.ldjson\n{\"objectId\": \"discovery\", \"name\": \"Discovery\"}\n"));
        assertEquals(List.of("missing-mandatory-field"), rulesRaised("--- accounts.ldjson\n{\"objectId\": \"a1\"}\n"));
        assertEquals(List.of("missing-mandatory-field"), rulesRaised("--- stages.ldjson\n{\"objectId\": \"s\"}\n"));
    }

    @Test
    void contactsLeadsAndDealsNeedOnlyObjectIdAndModifiedDate() {
        assertEquals(List.of(), rulesRaised("--- contacts.ldjson\n{\"objectId\": \"c1\", " + MODIFIED + "}\n"
                + "--- leads.ldjson\n{\"objectId\": \"l1\", " + MODIFIED + "}\n"));
        List<Finding> deal = Bundles.validate(CURRENT, "--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED + "}\n")
                .findings();
        assertEquals(List.of("/accountId", "/ownerId", "/closeDate", "/stage"), deal.stream()
                .filter(f -> f.rule().equals("missing-recommended-field") && f.severity() == Severity.WARNING)
                .map(Finding::field).toList(), "what Gong says a deal without them misses, as warnings");
        assertEquals(4, deal.size());
        assertTrue(deal.get(0).message().contains("Deals without an accountId will not appear in Gong"));
        assertEquals(List.of(), rulesRaised("--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED
                + ", \"isDeleted\": true}\n"));
    }

    @Test
    void dealStatusIsWonLostOrOpenAndReplacesIsOpenAndIsWon() {
        List<Finding> status = findings(CURRENT, "--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED
                + ", \"status\": \"won\"}\n", "picklist-value");
        assertEquals(1, status.size());
        assertTrue(status.get(0).message().contains("one of [WON, LOST, OPEN]")
                && status.get(0).message().contains("did you mean 'WON'"), status.get(0).message());
        List<Finding> deprecated = findings(CURRENT, "--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED
                + ", \"isOpen\": false, \"isWon\": true}\n", "deprecated-field");
        assertEquals(List.of("/isOpen", "/isWon"), deprecated.stream().map(Finding::field).toList());
        assertTrue(deprecated.get(0).message().contains("\"status\": \"OPEN\", \"WON\" or \"LOST\""),
                deprecated.get(0).message());
    }

    @Test
    void isOpenAndIsWonSentBesideStatusMustAgreeWithIt() {
        String deal = "--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED + ", \"status\": \"WON\", ";
        List<Finding> raised = findings(CURRENT, deal + "\"isOpen\": true}\n", "inconsistent-deal-status");
        assertEquals(List.of("/isOpen"), raised.stream().map(Finding::field).toList());
        assertTrue(raised.get(0).message().startsWith("deal has status WON but isOpen: true"), raised.get(0).message());
        assertEquals(List.of("/isWon"), findings(CURRENT, deal + "\"isWon\": false}\n", "inconsistent-deal-status")
                .stream().map(Finding::field).toList());
        assertEquals(List.of(), findings(CURRENT, deal + "\"isOpen\": false, \"isWon\": true}\n",
                "inconsistent-deal-status"));
    }

    @Test
    void aDealNamesItsStageByTheStagesObjectId() {
        String stages = "--- stages.ldjson\n{\"objectId\": \"stage-7\", \"name\": \"Discovery\"}\n";
        assertEquals(List.of(), findings(CURRENT, stages + "--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED
                + ", \"stage\": \"stage-7\"}\n", "unresolved-reference"));
        List<Finding> unresolved = findings(CURRENT, stages + "--- deals.ldjson\n{\"objectId\": \"d1\", " + MODIFIED
                + ", \"stage\": \"Discovery\"}\n", "unresolved-reference");
        assertEquals(1, unresolved.size());
        assertTrue(unresolved.get(0).message().contains("objectId 'Discovery'"), unresolved.get(0).message());
    }

    @Test
    void stagesHaveNoInternalName() {
        assertEquals(List.of("unknown-field"), rulesRaised("--- stages.ldjson\n{\"objectId\": \"s\", \"name\": \"S\", "
                + "\"internalName\": \"s\"}\n"));
    }

    @Test
    void schemaDefinitionsNeedUniqueNameLabelAndTypeEvenWhenDeleted() {
        List<Finding> missing = findings(CURRENT, "--- account.schema.json\n"
                + "[{\"uniqueName\": \"industry\", \"isDeleted\": true}]\n", "missing-mandatory-field");
        assertEquals(Set.of("/0/label", "/0/type"), Set.copyOf(missing.stream().map(Finding::field).toList()));
        assertTrue(missing.get(0).message().contains("deleted ones too"), missing.get(0).message());
        assertEquals(List.of(), rulesRaised("--- account.schema.json\n"
                + "[{\"uniqueName\": \"industry\", \"isDeleted\": true, \"label\": \"Industry\", \"type\": \"PICKLIST\", "
                + "\"lastModified\": \"2020-11-21T08:11:34+01:00\"}]\n"));
    }

    @Test
    void schemaDefinitionsHaveNoName() {
        List<Finding> found = Bundles.validate(CURRENT, "--- account.schema.json\n"
                + "[{\"name\": \"industry\", \"label\": \"Industry\", \"type\": \"STRING\"}]\n").findings();
        assertEquals(List.of("missing-mandatory-field /0/uniqueName", "unknown-field /0/name"),
                found.stream().map(f -> f.rule() + " " + f.field()).sorted().toList());
    }

    private static final String DROPPED = "--- uploaded/account.schema.json\n"
            + "[{\"uniqueName\": \"orderId\", \"label\": \"ID\", \"type\": \"ID\"},"
            + " {\"uniqueName\": \"industry\", \"label\": \"Industry\", \"type\": \"STRING\"}]\n"
            + "--- account.schema.json\n[{\"uniqueName\": \"orderId\", \"label\": \"ID\", \"type\": \"ID\"}]\n";

    @Test
    void aDroppedSchemaFieldIsAnErrorHereAndAWarningInLegacy() {
        Validator current = Validator.builder().profile("current").priorUploads(Bundles.priorUploads(DROPPED)).build();
        Validator legacy = Validator.builder().priorUploads(Bundles.priorUploads(DROPPED)).build();
        List<Finding> inCurrent = findings(current, DROPPED, "dropped-schema-field");
        assertEquals(Severity.ERROR, inCurrent.get(0).severity());
        assertTrue(inCurrent.get(0).message().contains("you must include all fields in the schema"),
                inCurrent.get(0).message());
        List<Finding> inLegacy = findings(legacy, DROPPED, "dropped-schema-field");
        assertEquals(Severity.WARNING, inLegacy.get(0).severity());
        assertTrue(inLegacy.get(0).message().contains("Gong would drop it"), inLegacy.get(0).message());
    }

    @Test
    void changingAFieldsTypeWarnsThatItsDataIsDeleted() {
        String changed = "--- uploaded/deal.schema.json\n[{\"uniqueName\": \"probability\", \"label\": \"P\", "
                + "\"type\": \"NUMBER\"}]\n--- deal.schema.json\n[{\"uniqueName\": \"probability\", \"label\": \"P\", "
                + "\"type\": \"PERCENT\"}]\n";
        Validator current = Validator.builder().profile("current").priorUploads(Bundles.priorUploads(changed)).build();
        List<Finding> raised = findings(current, changed, "changed-field-type");
        assertEquals(List.of("/0/type"), raised.stream().map(Finding::field).toList());
        assertEquals(Severity.WARNING, raised.get(0).severity());
        assertTrue(raised.get(0).message().contains("was uploaded as NUMBER and is now PERCENT"), raised.get(0).message());
        assertEquals(List.of(), findings(CURRENT, changed, "changed-field-type"), "without the ledger nothing to compare");
    }

    @Test
    void aSeverityTheUserSetsWinsOverTheProfiles() {
        Validator current = Validator.builder().profile("current").priorUploads(Bundles.priorUploads(DROPPED))
                .rules(new RuleConfig(Set.of(), Set.of(), Map.of("dropped-schema-field", Severity.INFO))).build();
        assertEquals(Severity.INFO, findings(current, DROPPED, "dropped-schema-field").get(0).severity());
    }

    @Test
    void aDuplicateObjectSaysUpdatesGoInSeparateFiles() {
        String twice = "--- accounts.ldjson\n{\"objectId\": \"a1\", " + MODIFIED + "}\n"
                + "{\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-04T10:00:00Z\"}\n";
        String message = findings(CURRENT, twice, "duplicate-object").get(0).message();
        assertTrue(message.contains("Records that have multiple updates should be sent in separate files"), message);
        assertTrue(Bundles.findings(twice, "duplicate-object").get(0).message()
                .contains("an object cannot be contained more than once in a list"));
    }

    @Test
    void anUnknownProfileNamesTheProfilesThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validator.builder().profile("curent").build());
        assertEquals("unknown profile 'curent'; available: legacy, current; did you mean 'current'?", e.getMessage());
        assertEquals(List.of("legacy", "current"), ProfileSchemas.PROFILES);
    }
}
