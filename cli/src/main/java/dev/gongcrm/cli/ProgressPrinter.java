package dev.gongcrm.cli;

import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.push.PlanStep;
import dev.gongcrm.client.push.PushNarrator;
import dev.gongcrm.client.push.PushWording;
import dev.gongcrm.client.push.Sizes;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows a push as it goes: its lines ({@link PushNarrator}) for logs, and on a terminal a bar of the bytes
 * sent and a counter while Gong processes, redrawn in place. A hand-written bar rather than a library
 * (progressbar, JLine): one line of {@code \r} and an erase, where a library would bring a terminal layer
 * to load at every start, and its own rules for when output is a terminal, which here must stay those of
 * the rest of the command line (a CI log gets the lines and never a bar).
 */
final class ProgressPrinter extends PushNarrator {

    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        super(PushWording.COMMAND_LINE);
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    protected void say(Level level, String line) {
        clear();
        out.println(line);
        out.flush();
    }

    @Override
    public void bytesSent(PlanStep step, long sent) {
        if (!terminal || !due()) {
            return;
        }
        int filled = step.bytes() == 0 ? BAR : (int) Math.min(BAR, sent * BAR / step.bytes());
        draw(prefix() + wording.label(step) + " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                + Sizes.human(sent) + " / " + Sizes.human(step.bytes()));
    }

    @Override
    public void polled(PlanStep step, RequestStatus status, Duration waited) {
        if (terminal && due()) {
            draw(prefix() + wording.label(step) + ": Gong is processing it (" + status + ", " + waited.toSeconds()
                    + "s)");
        }
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
