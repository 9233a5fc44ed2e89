package dev.gongcrm.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator jar's command line: the processing delay is a duration, as on 'gongcrm emulator'. */
class EmulatorMainTest {

    @Test
    void theDelayIsADuration() {
        assertEquals(Duration.ofMillis(250), EmulatorMain.parse(new String[] {"--delay", "250ms"}).builder().processingDelay);
        assertEquals(Duration.ZERO, EmulatorMain.parse(new String[] {"--port", "0", "--delay", "0s"}).builder()
                .processingDelay);
        assertEquals(Duration.ofSeconds(1), EmulatorMain.parse(new String[0]).builder().processingDelay, "the default");
    }

    @Test
    void mistakesAreSaidInOneLine() {
        assertEquals("--delay: '250' is not a duration; write e.g. 60s, 2m, 1h or 500ms", assertThrows(
                IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--delay", "250"})).getMessage());
        assertEquals("unknown option --delay-ms (see --help)", assertThrows(IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--delay-ms", "250"})).getMessage());
        assertEquals("--port needs a value", assertThrows(IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--port"})).getMessage());
        assertEquals("--port takes a number, not 'x'", assertThrows(IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--port", "x"})).getMessage());
        assertTrue(EmulatorMain.parse(new String[] {"--help"}).usage());
        assertTrue(EmulatorMain.USAGE.contains("--delay DURATION"));
    }
}
