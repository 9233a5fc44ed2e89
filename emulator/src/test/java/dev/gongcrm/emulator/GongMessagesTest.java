package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The emulator answers a refused upload in Gong's words, which each rule's @GongWording gives. */
class GongMessagesTest {

    private static Finding finding(String rule, String objectId, String field) {
        return new Finding(rule, Severity.ERROR, "dataFile", 3, 10, objectId, field, "the validator's own message");
    }

    @Test
    void fillsInTheFieldAndTheObject() {
        assertEquals("Field [closeDate] has an invalid date format",
                GongMessages.describe(finding("datetime-format", "d1", "/closeDate")));
        assertEquals("Object [d1] appears more than once in the list",
                GongMessages.describe(finding("duplicate-object", "d1", null)));
        assertEquals("Failed to parse the line as a JSON object",
                GongMessages.describe(finding("duplicate-key", null, "/name")));
    }

    @Test
    void aRuleWithoutGongsWordingKeepsItsOwnMessage() {
        assertEquals("the validator's own message",
                GongMessages.describe(finding("unresolved-reference", "d1", "/accountId")));
    }
}
