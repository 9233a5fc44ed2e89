package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without the browser, the browser tests fail where it is required (CI) and are skipped, saying why, elsewhere. */
class HeadlessChromiumTest {

    @Test
    void aMissingBrowserFailsTheTestsWhereItIsRequiredAndSkipsThemElsewhere() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> HeadlessChromium.skipOrFail(
                "/usr/bin/chromium is missing", Map.of(HeadlessChromium.REQUIRE, "1")));
        assertTrue(failed.getMessage().contains(HeadlessChromium.REQUIRE + " is set: /usr/bin/chromium is missing"),
                failed.getMessage());
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> HeadlessChromium.skipOrFail("/usr/bin/chromium is missing", Map.of()));
        assertTrue(skipped.getMessage().contains("/usr/bin/chromium is missing; install Debian's chromium and "
                + "chromium-driver"), skipped.getMessage());
        assertFalse(skipped.getMessage().contains(HeadlessChromium.REQUIRE));
    }
}
