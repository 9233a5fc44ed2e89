package dev.gongcrm.validator.rules.fields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a.b", "sub.example.co.uk", "xn--bcher-kva.example", "münchen.de",
            "a-b.c-d", "123.com"})
    void acceptsDomainNames(String text) {
        assertTrue(DomainFormat.isDomain(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example", ".example.com", "example.com.", "a..b", "-a.com", "a-.com", "a.-b",
            "exa_mple.com", "exa mple.com", "https://example.com", "user@example.com", "example.com/path"})
    void refusesWhatIsNotADomainName(String text) {
        assertFalse(DomainFormat.isDomain(text), text);
    }

    @Test
    void labelsHaveAtMost63Characters() {
        assertTrue(DomainFormat.isDomain("a".repeat(63) + ".com"));
        assertFalse(DomainFormat.isDomain("a".repeat(64) + ".com"));
        assertFalse(DomainFormat.isDomain("a.".repeat(127) + "ab"));
    }
}
