package dev.gongcrm.client.push;

import java.time.Duration;
import java.util.List;

/**
 * A push told as it goes, one line per event, in the words every front prints (the command line on its
 * output, the Maven goal in the build log): a front says where a line goes ({@link #say}) and how it names
 * files and options ({@link PushWording}).
 */
public abstract class PushNarrator implements PushListener {

    /** How much a line matters, for a front with levels (a build log). */
    public enum Level { INFO, WARNING, ERROR }

    protected final PushWording wording;
    private int total;
    private int index;
    private long stepStart;
    /** Whether the settle step under way waited (said by {@link #settling}). */
    private boolean waited;

    protected PushNarrator(PushWording wording) {
        this.wording = wording;
    }

    /** Prints one line of the push. */
    protected abstract void say(Level level, String line);

    @Override
    public void planned(List<PlanStep> steps) {
        total = steps.size();
    }

    @Override
    public void stepStarted(PlanStep step, StepAction action) {
        index++;
        stepStart = System.nanoTime();
        waited = false;
        if (action.kind() == StepAction.Kind.RESEND || action.kind() == StepAction.Kind.POLL) {
            say(Level.INFO, prefix() + wording.label(step) + ": resuming, " + wording.describe(action));
        }
    }

    @Override
    public void settling(Duration wait) {
        waited = true;
        say(Level.INFO, prefix() + "waiting " + wait.toSeconds() + "s for Gong to process the accounts before the "
                + "objects that refer to them (Gong's docs: \"Upload Accounts. Wait 60 seconds.\")");
    }

    @Override
    public void stepEnded(StepOutcome outcome) {
        PlanStep step = outcome.step();
        if (step.kind() == PlanStep.Kind.SETTLE) {
            if (StepOutcome.SKIPPED.equals(outcome.status())) {
                say(Level.INFO, prefix() + "settle wait skipped: nothing after it is sent");
            } else if (!waited) {
                // said, or the step numbers would jump from the accounts to the contacts
                say(Level.INFO, prefix() + (step.settle().isZero() ? "no settle wait (settle is 0s)"
                        : "no settle wait left: the accounts were processed more than " + step.settle().toSeconds()
                        + "s ago"));
            }
            return;
        }
        say(StepRecord.FAILED.equals(outcome.status()) ? Level.ERROR : Level.INFO, prefix() + wording.label(step)
                + ": " + wording.describe(outcome, Duration.ofNanos(System.nanoTime() - stepStart)));
    }

    @Override
    public void ledgerForgotten(StepRecord latest) {
        say(Level.WARNING, "Gong does not know request " + latest.clientRequestId() + ", which the ledger says was "
                + "DONE: the integration was reset since, so everything is sent again");
    }

    @Override
    public void waitingForIntegration(String notice) {
        say(Level.INFO, notice);
    }

    @Override
    public void sentAgainUnderNewId(PlanStep step, String foreignId, String retry) {
        say(Level.WARNING, "Gong already holds a request under " + foreignId + " that this ledger did not send (its "
                + "ledger is gone, or the integration was registered again); " + wording.label(step) + " is sent as "
                + retry);
    }

    @Override
    public void earlierRequest(StepRecord request, String status) {
        say(Level.INFO, "an earlier push left request " + request.clientRequestId() + " (" + request.file()
                + ") under way: " + status);
    }

    /** "[2/9] ": the step under way and how many there are. */
    protected String prefix() {
        return "[" + index + "/" + total + "] ";
    }
}
