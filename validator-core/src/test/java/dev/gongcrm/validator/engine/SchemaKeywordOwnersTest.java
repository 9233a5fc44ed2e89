package dev.gongcrm.validator.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules' @SchemaKeywords decide which rule reports a failure of the request-body schema. */
class SchemaKeywordOwnersTest {

    private static String ruleOf(String keyword, String format) {
        return SchemaKeywordOwners.of(keyword, format).rule().name();
    }

    @Test
    void eachKeywordGoesToTheRuleDeclaringIt() {
        assertEquals("missing-mandatory-field", ruleOf("required", ""));
        assertEquals("missing-mandatory-field", ruleOf("minItems", ""));
        assertEquals("unknown-field", ruleOf("additionalProperties", ""));
        assertEquals("invalid-enum-value", ruleOf("const", ""));
        assertEquals("wrong-type", ruleOf("type", ""));
    }

    @Test
    void aRuleForOneFormatWinsOverTheRuleForAnyProperty() {
        assertEquals("datetime-format", ruleOf("pattern", "date-time"));
        assertEquals("wrong-type", ruleOf("pattern", ""));
        assertEquals("wrong-type", ruleOf("format", "email"));
    }

    @Test
    void aKeywordNoRuleNamesGoesToTheCatchAll() {
        assertEquals("wrong-type", ruleOf("uniqueItems", ""));
    }

    @Test
    void onlyFailuresLeavingTheFieldUnknownStopItsCompilation() {
        assertTrue(SchemaKeywordOwners.of("required", "").breaksDefinition());
        assertTrue(SchemaKeywordOwners.of("type", "").breaksDefinition());
        assertFalse(SchemaKeywordOwners.of("additionalProperties", "").breaksDefinition());
        assertFalse(SchemaKeywordOwners.of("format", "date-time").breaksDefinition());
    }
}
