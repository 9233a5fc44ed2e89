package dev.gongcrm.validator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DidYouMeanTest {

    private static final List<String> RULES = List.of("url-format", "email-format", "domain-format",
            "duplicate-object", "unknown-field");
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "github", "csv");

    @Test
    void suggestsTheNameASlipWasMeantToBe() {
        assertEquals(Optional.of("url-format"), DidYouMean.closest("url-fromat", RULES), "two letters swapped");
        assertEquals(Optional.of("sarif"), DidYouMean.closest("sarf", FORMATS), "a letter left out");
        assertEquals(Optional.of("duplicate-object"), DidYouMean.closest("dupliate-objet", RULES), "two edits");
        assertEquals("; did you mean 'unknown-field'?", DidYouMean.hint("unknwon-field", RULES));
        assertEquals(Optional.of("json"), DidYouMean.closest("JSON", FORMATS), "case is a slip where names are exact");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), DidYouMean.closest("xml", FORMATS));
        assertEquals(Optional.empty(), DidYouMean.closest("no-such-rule", RULES));
        assertEquals(Optional.empty(), DidYouMean.closest("jsn5", FORMATS), "short names: one edit at most");
        assertEquals(Optional.empty(), DidYouMean.closest("json", FORMATS), "an exact name is no slip");
        assertEquals("", DidYouMean.hint("zz", FORMATS));
    }
}
