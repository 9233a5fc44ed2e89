package dev.gongcrm.client.push;

import dev.gongcrm.validator.Finding;

import java.util.List;

/**
 * What a push did: each step's outcome, in order, and Gong's line errors of a FAILED step as findings
 * at the lines of the user's file.
 */
public record PushResult(List<StepOutcome> steps, List<Finding> findings) {

    public PushResult {
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }

    public boolean failed() {
        return steps.stream().anyMatch(step -> StepRecord.FAILED.equals(step.status()));
    }

    /** Steps that sent something this time. */
    public long sent() {
        return steps.stream().filter(s -> s.step().kind() != PlanStep.Kind.SETTLE
                && !StepOutcome.SKIPPED.equals(s.status())).count();
    }
}
