package dev.gongcrm.client.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A push as one document, for pipelines to read ({@code push --json}) instead of its progress lines:
 * how it ended, the counts per type, and each step with its clientRequestId, status and timings.
 *
 * @param outcome {@code validation-failed}, {@code dry-run}, {@code nothing-to-send}, {@code done} or
 *     {@code failed}
 * @param findings the validation findings, or Gong's errors when an upload failed
 */
public record PushSummary(long integrationId, String outcome, List<TypeCounts> types, List<Step> steps,
                          long findings) {

    /**
     * One step of the plan, and, for a push that ran it, what became of it.
     *
     * @param action what the ledger said to do (send, resend, poll, skip, wait)
     * @param status DONE, FAILED, SKIPPED or WAITED; null in a dry run or when the push stopped before it
     * @param stored the objects Gong says it stored (its totalSuccessCount), when it said
     */
    public record Step(int number, String kind, String type, String file, String selection, int part, int parts,
                       long objects, long bytes, String action, String clientRequestId, String status,
                       Integer stored, String startedAt, String finishedAt, Double seconds) {
    }

    public static PushSummary of(Push.Outcome outcome, Ledger ledger, long integrationId) {
        if (outcome.validationFailed()) {
            return new PushSummary(integrationId, "validation-failed", List.of(), List.of(),
                    outcome.validation().findings().size());
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < outcome.plan().size(); i++) {
            PlanStep step = outcome.plan().get(i);
            StepAction action = outcome.actions().get(i);
            StepOutcome ran = outcome.upload() == null || i >= outcome.upload().steps().size() ? null
                    : outcome.upload().steps().get(i);
            String id = ran != null ? ran.clientRequestId() : action.clientRequestId();
            StepRecord record = ran == null || id == null ? null : ledger.step(integrationId, id).orElse(null);
            boolean sentNow = record != null && ran != null && !StepOutcome.SKIPPED.equals(ran.status());
            steps.add(new Step(i + 1, step.kind().name(), step.type() == null ? null : step.type().name(),
                    step.file() == null ? null : step.file().toString(), step.selection().name(), step.part(),
                    step.parts(), step.objects(), step.bytes(), action.kind().name().toLowerCase(), id,
                    ran == null ? null : ran.status(), ran == null ? null : ran.totalSuccessCount(),
                    sentNow ? record.startedAt().toString() : null,
                    sentNow && record.finishedAt() != null ? record.finishedAt().toString() : null,
                    sentNow && record.finishedAt() != null
                            ? Duration.between(record.startedAt(), record.finishedAt()).toMillis() / 1000.0 : null));
        }
        String ended = outcome.upload() == null ? "dry-run" : outcome.upload().failed() ? "failed"
                : outcome.upload().sent() == 0 ? "nothing-to-send" : "done";
        return new PushSummary(integrationId, ended, List.copyOf(outcome.counts().values()), steps,
                outcome.uploadFindings().findings().size());
    }
}
