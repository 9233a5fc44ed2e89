package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a front names what a push talks about: a step's file (as the user gave it, or relative to a project)
 * and the option that sends everything again ({@code --full} on the command line). The lines of a push, its
 * plan and its progress, are written once, here and in {@link PushNarrator}, in these words.
 */
public record PushWording(Function<PlanStep, String> label, String forceOption) {

    /** The command line's: files as given, {@code --full}. */
    public static final PushWording COMMAND_LINE = new PushWording(PlanStep::label, "--full");

    /** What the ledger says of a step, with this front's name for the force option. */
    public String describe(StepAction action) {
        return action.describe().replace("--full", forceOption);
    }

    /** A step's outcome after {@code took}, with this front's name for the force option. */
    public String describe(StepOutcome outcome, java.time.Duration took) {
        return outcome.describe(took).replace("--full", forceOption);
    }

    public String label(PlanStep step) {
        return label.apply(step);
    }

    /** The plan of a dry run: a heading, one numbered line per step with what the ledger says of it, the end. */
    public List<String> plan(Push.Outcome outcome, long integrationId, LedgerLocation ledger) {
        List<String> lines = new ArrayList<>();
        Path ledgerFile = ledger instanceof LedgerLocation.SqliteFile file ? file.file() : null;
        lines.add("Plan for integration " + integrationId + " (ledger " + ledger.describe()
                + (ledgerFile == null || Files.exists(ledgerFile) ? "" : ", not written yet") + "):");
        for (int i = 0; i < outcome.plan().size(); i++) {
            PlanStep step = outcome.plan().get(i);
            StepAction action = outcome.actions().get(i);
            String what = switch (step.kind()) {
                case SETTLE -> label(step) + (action.kind() == StepAction.Kind.SKIP ? ": " + describe(action) : "");
                case SCHEMA -> step.type() + " schema " + label(step) + " (" + Sizes.human(step.bytes()) + "): "
                        + describe(action);
                case OBJECTS -> step.type() + " " + label(step) + " (" + Sizes.count(step.objects(), "object") + ", "
                        + Sizes.human(step.bytes()) + "): " + describe(action);
                case USER_MAPPING -> "user mapping " + label(step) + " (" + Sizes.count(step.objects(), "user") + ", "
                        + Sizes.human(step.bytes()) + "): " + describe(action);
            };
            lines.add(String.format(Locale.ROOT, "%3d. %s", i + 1, what));
        }
        lines.add("Dry run: nothing was sent.");
        return lines;
    }
}
