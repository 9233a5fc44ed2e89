package dev.gongcrm.cli;

import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.push.PlanStep;
import dev.gongcrm.client.push.StepAction;
import dev.gongcrm.client.push.StepOutcome;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bar redrawn in place on a terminal; one plain line per step in a log. */
class ProgressPrinterTest {

    private static final PlanStep DEALS = new PlanStep(PlanStep.Kind.OBJECTS, Path.of("deals.ldjson"),
            Path.of("deals.ldjson"), PlanStep.Selection.WHOLE, ObjectType.DEAL, 1, 1, 0, 2048, 1, null, null, 12, "hash",
            "bytes-hash", "gongcrm-deal-abc", null, java.util.Set.of());

    private static String show(boolean terminal) {
        StringWriter text = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), terminal);
        printer.planned(List.of(DEALS));
        printer.stepStarted(DEALS, new StepAction(StepAction.Kind.SEND, "gongcrm-deal-abc", null));
        printer.bytesSent(DEALS, 1024);
        printer.polled(DEALS, RequestStatus.IN_PROGRESS, Duration.ofSeconds(3));
        printer.stepEnded(new StepOutcome(DEALS, "gongcrm-deal-abc", "DONE", 12));
        return text.toString();
    }

    @Test
    void aTerminalSeesTheBytesSentInABarRedrawnInPlace() {
        String shown = show(true);
        assertTrue(shown.contains("\r\033[2K[1/1] deals.ldjson [###############               ] 1.0 KB / 2.0 KB"),
                shown);
        assertTrue(shown.endsWith("[1/1] deals.ldjson: DONE, 12 objects as gongcrm-deal-abc in "
                + shown.substring(shown.lastIndexOf(" in ") + 4)), shown);
    }

    @Test
    void aLogGetsOneLinePerStepAndNoControlCharacters() {
        String shown = show(false);
        assertFalse(shown.contains("\r") || shown.contains("\033"), shown);
        assertEquals(1, shown.lines().count(), shown);
        assertTrue(shown.startsWith("[1/1] deals.ldjson: DONE, 12 objects as gongcrm-deal-abc in "), shown);
    }
}
