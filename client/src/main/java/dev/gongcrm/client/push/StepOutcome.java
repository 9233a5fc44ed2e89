package dev.gongcrm.client.push;

/**
 * How a step ended.
 *
 * @param clientRequestId the id it was sent with (null for a wait)
 * @param status DONE, FAILED, SKIPPED or WAITED
 */
public record StepOutcome(PlanStep step, String clientRequestId, String status, Integer totalSuccessCount) {

    public static final String SKIPPED = "SKIPPED";
    public static final String WAITED = "WAITED";
}
