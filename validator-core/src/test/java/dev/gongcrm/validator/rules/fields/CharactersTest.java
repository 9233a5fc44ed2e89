package dev.gongcrm.validator.rules.fields;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ASCII shortcuts answer as the JDK does, for every char. */
class CharactersTest {

    @Test
    void everyCharIsClassedAsTheJdkClassesIt() {
        for (int code = Character.MIN_VALUE; code <= Character.MAX_VALUE; code++) {
            char c = (char) code;
            String name = "U+" + Integer.toHexString(code);
            assertEquals(Character.isLetterOrDigit(c), Characters.isLetterOrDigit(c), "isLetterOrDigit " + name);
            assertEquals(Character.isWhitespace(c), Characters.isWhitespace(c), "isWhitespace " + name);
        }
    }
}
