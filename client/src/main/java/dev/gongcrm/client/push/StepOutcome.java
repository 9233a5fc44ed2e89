package dev.gongcrm.client.push;

import java.time.Duration;
import java.util.Locale;

/**
 * How a step ended.
 *
 * @param clientRequestId the id it was sent with (null for a wait)
 * @param status DONE, FAILED, SKIPPED or WAITED
 */
public record StepOutcome(PlanStep step, String clientRequestId, String status, Integer totalSuccessCount) {

    public static final String SKIPPED = "SKIPPED";
    public static final String WAITED = "WAITED";

    /**
     * How the step ended, for a log line: "DONE, 3 objects as ID in 0.7s", "already uploaded as ID,
     * skipped", "FAILED as ID after 2.0s".
     */
    public String describe(Duration took) {
        String seconds = String.format(Locale.ROOT, "%.1fs", took.toMillis() / 1000.0);
        return switch (status) {
            case SKIPPED -> "already uploaded as " + clientRequestId + ", skipped";
            case StepRecord.DONE -> "DONE" + (step.kind() == PlanStep.Kind.SCHEMA ? " (schema replaced)"
                    : ", " + count(totalSuccessCount == null ? step.objects() : totalSuccessCount))
                    + " as " + clientRequestId + " in " + seconds;
            default -> status + " as " + clientRequestId + " after " + seconds;
        };
    }

    private String count(long count) {
        String what = step.kind() == PlanStep.Kind.USER_MAPPING ? " user mapping" : " object";
        return count + what + (count == 1 ? "" : "s");
    }
}
