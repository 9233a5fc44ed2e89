package dev.gongcrm.cli;

import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.push.PlanStep;
import dev.gongcrm.client.push.PushListener;
import dev.gongcrm.client.push.StepAction;
import dev.gongcrm.client.push.StepOutcome;
import dev.gongcrm.client.push.StepRecord;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Shows a push as it goes: one line per step for logs, and on a terminal a bar of the bytes sent and a
 * counter while Gong processes, redrawn in place. A hand-written bar rather than a library: it is a
 * few lines, and the command line starts faster without a terminal library to load.
 */
final class ProgressPrinter implements PushListener {

    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private int total;
    private int index;
    private long lastDraw;
    private long stepStart;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void planned(List<PlanStep> steps) {
        total = steps.size();
    }

    @Override
    public void stepStarted(PlanStep step, StepAction action) {
        index++;
        stepStart = System.nanoTime();
        if (action.kind() == StepAction.Kind.RESEND || action.kind() == StepAction.Kind.POLL) {
            out.println(prefix() + step.label() + ": resuming, " + action.describe());
        }
    }

    @Override
    public void bytesSent(PlanStep step, long sent) {
        if (!terminal || !due()) {
            return;
        }
        int filled = step.bytes() == 0 ? BAR : (int) Math.min(BAR, sent * BAR / step.bytes());
        draw(prefix() + step.label() + " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                + Sizes.human(sent) + " / " + Sizes.human(step.bytes()));
    }

    @Override
    public void polled(PlanStep step, RequestStatus status, Duration waited) {
        if (terminal && due()) {
            draw(prefix() + step.label() + ": Gong is processing it (" + status + ", " + waited.toSeconds() + "s)");
        }
    }

    @Override
    public void settling(Duration wait) {
        clear();
        out.println(prefix() + "waiting " + wait.toSeconds() + "s for Gong to process the accounts before the "
                + "objects that refer to them (Gong's docs: \"Upload Accounts. Wait 60 seconds.\")");
    }

    @Override
    public void stepEnded(StepOutcome outcome) {
        PlanStep step = outcome.step();
        if (step.kind() == PlanStep.Kind.SETTLE) {
            if (StepOutcome.SKIPPED.equals(outcome.status())) {
                out.println(prefix() + "settle wait skipped: nothing after it is sent");
            }
            return;
        }
        clear();
        out.println(prefix() + step.label() + ": "
                + outcome.describe(Duration.ofNanos(System.nanoTime() - stepStart)));
        out.flush();
    }

    @Override
    public void ledgerForgotten(StepRecord latest) {
        out.println("Gong does not know request " + latest.clientRequestId() + ", which the ledger says was DONE: "
                + "the integration was reset since, so everything is sent again");
    }

    @Override
    public void waitingForIntegration(String notice) {
        clear();
        out.println(notice);
        out.flush();
    }

    @Override
    public void sentAgainUnderNewId(dev.gongcrm.client.push.PlanStep step, String foreignId, String retry) {
        clear();
        out.println("Gong already holds a request under " + foreignId + " that this ledger did not send (its ledger "
                + "is gone, or the integration was registered again); " + step.label() + " is sent as " + retry);
        out.flush();
    }

    @Override
    public void earlierRequest(StepRecord request, String status) {
        clear();
        out.println("an earlier push left request " + request.clientRequestId() + " (" + request.file()
                + ") under way: " + status);
    }

    private String prefix() {
        return "[" + index + "/" + total + "] ";
    }

    private boolean due() {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return false;
        }
        lastDraw = now;
        return true;
    }

    private void draw(String line) {
        out.print("\r\033[2K" + line);
        out.flush();
    }

    private void clear() {
        if (terminal) {
            out.print("\r\033[2K");
        }
    }
}
