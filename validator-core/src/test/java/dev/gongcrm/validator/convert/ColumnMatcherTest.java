package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CSV export's columns matched to a type's fields without a mapping: by name, then by the names exports use. */
class ColumnMatcherTest {

    private static TypeSpec type(ObjectType type) {
        return ProfileSchemas.of("legacy").type(type);
    }

    /** Column to "field (how)", in the header's order. */
    private static Map<String, String> match(ObjectType type, boolean dropUnmatched, String... header) {
        Map<String, String> matched = new LinkedHashMap<>();
        for (ColumnMatch match : ColumnMatcher.match(List.of(header), type(type), dropUnmatched)) {
            matched.put(match.column(), match.field() + " (" + match.how() + ")");
        }
        return matched;
    }

    private static Map<String, String> expected(String... columnThenMatch) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < columnThenMatch.length; i += 2) {
            expected.put(columnThenMatch[i], columnThenMatch[i + 1]);
        }
        return expected;
    }

    @Test
    void aDealsExportWithAPrefixOnEveryColumnMatchesByNameAndByTheNamesExportsUse() {
        Map<String, String> expected = expected(
                "Deal - ID", "objectId (SYNONYM)",
                "Deal - Title", "name (SYNONYM)",
                "Deal - Value", "amount (SYNONYM)",
                "Deal - Organization ID", "accountId (SYNONYM)",
                "Deal - Owner ID", "ownerId (NAME)",
                "Deal - Stage", "stage (NAME)",
                "Deal - Status", "status (STATUS)",
                "Deal - Expected close date", "closeDate (SYNONYM)",
                "Deal - Update time", "modifiedDate (SYNONYM)",
                "Deal - Probability", "probability (UNMATCHED)");
        assertEquals(expected, match(ObjectType.DEAL, false, expected.keySet().toArray(String[]::new)));
    }

    @Test
    void caseSpacesPunctuationAndAWordNamingTheTypeDoNotCount() {
        Map<String, String> expected = expected(
                "OBJECT_ID", "objectId (NAME)",
                "Contact E-mail", "emailAddress (SYNONYM)",
                "first name", "firstName (NAME)",
                "Last modified", "modifiedDate (NAME)",
                "Job Title", "title (SYNONYM)");
        assertEquals(expected, match(ObjectType.CONTACT, false, expected.keySet().toArray(String[]::new)),
                "Last modified names the deprecated lastModified: its replacement is filled");
    }

    /** A name an export uses for one type's field is not taken for another type's field of that name. */
    @Test
    void namesOfOneTypeDoNotCountForAnother() {
        assertEquals(expected("ID", "objectId (SYNONYM)", "Label", "label (UNMATCHED)", "Company", "company (UNMATCHED)"),
                match(ObjectType.DEAL, false, "ID", "Label", "Company"), "a deal's label or company is no deal name");
        assertEquals(expected("ID", "objectId (SYNONYM)", "Company", "name (SYNONYM)"),
                match(ObjectType.ACCOUNT, false, "ID", "Company"));
        assertEquals(expected("ID", "objectId (SYNONYM)", "Label", "name (SYNONYM)"),
                match(ObjectType.STAGE, false, "ID", "Label"));
        assertEquals(expected("Title", "name (SYNONYM)"), match(ObjectType.DEAL, false, "Title"));
        assertEquals(expected("Title", "title (NAME)"), match(ObjectType.CONTACT, false, "Title"));
    }

    /**
     * Every name of column-synonyms.json, alone in an export of each type it counts for that has its field,
     * fills that field: no name of the table is shadowed by another field's.
     */
    @Test
    void everyNameInTheTableFillsItsField() throws Exception {
        JsonNode fields;
        try (var in = ColumnMatcher.class.getResourceAsStream("column-synonyms.json")) {
            fields = JsonMapper.builder().build().readTree(in).get("fields");
        }
        int checked = 0;
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            Map<String, JsonNode> byType = new LinkedHashMap<>();
            if (field.getValue().isArray()) {
                for (ObjectType type : ObjectType.values()) {
                    byType.put(type.name(), field.getValue());
                }
            } else {
                field.getValue().properties().forEach(entry -> byType.put(entry.getKey(), entry.getValue()));
            }
            for (Map.Entry<String, JsonNode> names : byType.entrySet()) {
                ObjectType type = ObjectType.valueOf(names.getKey());
                var spec = type(type).field(field.getKey());
                if (spec == null) {
                    continue;
                }
                // a deprecated field's column fills the field that replaces it
                String filled = spec.deprecated() && spec.replacement() != null ? spec.replacement() : spec.name();
                for (JsonNode name : names.getValue()) {
                    List<ColumnMatch> match = ColumnMatcher.match(List.of(name.asString()), type(type), false);
                    assertEquals(filled, match.get(0).field(), type + " column '" + name.asString() + "'");
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    /** A name of a deprecated field fills its replacement, or, where another column fills that, the field itself. */
    @Test
    void aDeprecatedFieldsNameFillsItsReplacementWhenFree() {
        assertEquals(expected("ID", "objectId (SYNONYM)", "Won date", "closeDate (SYNONYM)"),
                match(ObjectType.DEAL, false, "ID", "Won date"));
        assertEquals(expected("Expected close date", "closeDate (SYNONYM)", "Won date", "actualCloseDate (SYNONYM)"),
                match(ObjectType.DEAL, false, "Expected close date", "Won date"));
    }

    @Test
    void eachFieldTakesOneColumnItsOwnNameFirstThenItsEarlierSynonyms() {
        Map<String, String> expected = expected(
                "Organization", "organization (UNMATCHED)",
                "Organization ID", "accountId (SYNONYM)",
                "Title", "title (UNMATCHED)",
                "Name", "name (NAME)",
                "ID", "objectId (SYNONYM)",
                "Record ID", "recordId (UNMATCHED)",
                "Modified", "modifiedDate (SYNONYM)");
        assertEquals(expected, match(ObjectType.DEAL, false, expected.keySet().toArray(String[]::new)));
    }

    @Test
    void anUnmatchedColumnIsNamedInCamelCaseNeverAsAFieldOrAnotherColumnOrItIsDropped() {
        Map<String, String> expected = expected(
                "objectId", "objectId (NAME)",
                "Weighted value (EUR)", "weightedValueEur (UNMATCHED)",
                "weighted-value EUR", "weightedValueEurField (UNMATCHED)",
                "2nd phone", "field2ndPhone (UNMATCHED)",
                "Domains!", "domains (NAME)",
                "domains", "domainsField (UNMATCHED)",
                "Names", "namesField (UNMATCHED)");
        assertEquals(expected, match(ObjectType.ACCOUNT, false, expected.keySet().toArray(String[]::new)));
        assertEquals(expected("objectId", "objectId (NAME)", "Weighted value", "null (UNMATCHED)"),
                match(ObjectType.ACCOUNT, true, "objectId", "Weighted value"));
    }

    @Test
    void aSharedPrefixIsOneThatEndsBetweenWordsAndLeavesEveryColumnANameOfItsOwn() {
        assertEquals("Deal - ", ColumnMatcher.sharedPrefix(List.of("Deal - ID", "Deal - Title")));
        assertEquals("Opportunity.", ColumnMatcher.sharedPrefix(List.of("Opportunity.Id", "Opportunity.Amount")));
        assertEquals("", ColumnMatcher.sharedPrefix(List.of("Name", "Number")), "'N' ends within a word");
        assertEquals("", ColumnMatcher.sharedPrefix(List.of("Deal - ", "Deal - Title")), "it would leave no name");
        assertEquals("", ColumnMatcher.sharedPrefix(List.of("- a", "- b")), "no word");
        assertEquals("", ColumnMatcher.sharedPrefix(List.of("Deal - ID")), "one column shares with none");
    }

    @Test
    void aDealsStatusColumnFillsIsOpenAndIsWonUnlessAColumnDoes() {
        assertEquals(expected("ID", "objectId (SYNONYM)", "State", "status (STATUS)"),
                match(ObjectType.DEAL, false, "ID", "State"));
        assertEquals(expected("Status", "status (UNMATCHED)", "Won", "isWon (SYNONYM)"),
                match(ObjectType.DEAL, false, "Status", "Won"), "a column of its own fills isWon");
        assertEquals(expected("Status", "status (UNMATCHED)"), match(ObjectType.ACCOUNT, false, "Status"),
                "an account has no isOpen");
        List<ColumnMatch> current = ColumnMatcher.match(List.of("Deal - ID", "Deal - Status"),
                ProfileSchemas.of("current").type(ObjectType.DEAL), false);
        assertEquals(new ColumnMatch("Deal - Status", "status", ColumnMatch.How.STATUS, "written as status"),
                current.get(1), "the current profile's status field, not the flags it deprecates");
    }
}
