package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A stage's internalName and a user's emailAddress are unique across what Gong will hold after the
 * push, the objects of earlier pushes included: another objectId taking a value an earlier push gave
 * is a duplicate; the same objectId sent again is an update; an earlier holder the bundle sends again
 * with another value, or deletes, holds it no more, wherever in the bundle that happens.
 */
class UniqueValuesAcrossPushesTest {

    private static final String EARLIER = """
            --- uploaded/stages.ldjson
            {"objectId": "s1", "modifiedDate": "2019-01-03T23:45:57Z", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
            {"objectId": "s2", "modifiedDate": "2019-01-03T23:45:57Z", "internalName": "closed", "name": "Closed", "isActive": true, "sortOrder": 2, "isDeleted": true}
            --- uploaded/users.ldjson
            {"objectId": "u1", "modifiedDate": "2019-01-03T23:45:57Z", "emailAddress": "Jane@pbr.com"}
            """;

    private static List<String> findings(String bundle) {
        String all = EARLIER + bundle;
        ValidationResult result = Bundles.validate(Validator.builder().priorUploads(Bundles.priorUploads(all)).build(),
                all);
        return result.findings().stream().map(f -> f.rule() + " " + f.file() + ":" + f.line() + ":" + f.column()
                + " " + f.message()).toList();
    }

    private static String stage(String objectId, String internalName) {
        return "{\"objectId\": \"" + objectId + "\", \"modifiedDate\": \"2020-01-03T23:45:57Z\", \"internalName\": \""
                + internalName + "\", \"name\": \"N\", \"isActive\": true, \"sortOrder\": 1}\n";
    }

    private static String user(String objectId, String email) {
        return "{\"objectId\": \"" + objectId + "\", \"modifiedDate\": \"2020-01-03T23:45:57Z\", \"emailAddress\": \""
                + email + "\"}\n";
    }

    @Test
    void anotherObjectTakingAValueOfAnEarlierPushIsADuplicate() {
        assertEquals(List.of("duplicate-stage-name stages.ldjson:1:60 internalName 'discovery' is already the "
                + "internalName of stage 's1' sent in an earlier push; internalName identifies the stage, so deals "
                + "with stage 'discovery' could land in either: give each stage its own internalName"),
                findings("--- stages.ldjson\n" + stage("s9", "discovery")));
        assertEquals(List.of("duplicate-user-email users.ldjson:1:60 emailAddress 'jane@pbr.com' is already mapped "
                + "to user 'u1' sent in an earlier push (written 'Jane@pbr.com' there); Gong maps an email address "
                + "once, so this user would get no mapping: send each Gong user's address with one CRM user only"),
                findings("--- users.ldjson\n" + user("u9", "jane@pbr.com")));
        assertEquals(1, findings("--- user-mapping.ldjson\n{\"crmUserId\": \"u9\", \"emailAddress\": \"jane@pbr.com\"}\n")
                .stream().filter(f -> f.startsWith("duplicate-user-email user-mapping.ldjson:1:")).count(),
                "a /map/users file maps users too");
    }

    @Test
    void theSameObjectSentAgainIsAnUpdate() {
        assertEquals(List.of(), findings("--- stages.ldjson\n" + stage("s1", "discovery")));
        assertEquals(List.of(), findings("--- users.ldjson\n" + user("u1", "jane@pbr.com")));
    }

    @Test
    void anEarlierHolderTheBundleRenamesOrDeletesHoldsTheValueNoMoreEvenWhenItComesLater() {
        assertEquals(List.of(), findings("--- stages.ldjson\n" + stage("s9", "discovery") + stage("s1", "discovery-old")));
        assertEquals(List.of(), findings("--- users.ldjson\n" + user("u9", "jane@pbr.com")
                + "{\"objectId\": \"u1\", \"modifiedDate\": \"2020-01-04T23:45:57Z\", \"isDeleted\": true}\n"));
        assertEquals(List.of(), findings("--- stages.ldjson\n" + stage("s9", "closed")),
                "a stage deleted in an earlier push holds no value");
    }

    @Test
    void anEarlierHolderSentAgainWithItsValueConflictsWithinTheBundle() {
        List<String> found = findings("--- stages.ldjson\n" + stage("s9", "discovery") + stage("s1", "discovery"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("duplicate-stage-name stages.ldjson:2:", found.get(0).substring(0,
                "duplicate-stage-name stages.ldjson:2:".length()), found.toString());
        assertEquals(true, found.get(0).contains("of stage 's9' on line 1"), found.toString());
    }
}
