package dev.gongcrm.client.push;

import dev.gongcrm.client.model.RequestStatus;

import java.time.Duration;

/** What a push is doing, for progress output; every method has a default that ignores it. */
public interface PushListener {

    PushListener NONE = new PushListener() { };

    /** The bundle passed validation; these steps run next. */
    default void planned(java.util.List<PlanStep> steps) {
    }

    /** A step starts: it will be sent, resumed or polled as {@code action} says. */
    default void stepStarted(PlanStep step, StepAction action) {
    }

    /** So many bytes of the step's upload went out (called often while sending). */
    default void bytesSent(PlanStep step, long sent) {
    }

    /** Gong said the request is in this state; the push has waited {@code waited} for it so far. */
    default void polled(PlanStep step, RequestStatus status, Duration waited) {
    }

    /** The settle wait between accounts and the types that refer to them begins. */
    default void settling(Duration wait) {
    }

    default void stepEnded(StepOutcome outcome) {
    }

    /**
     * Gong does not know {@code latest}, the newest upload the ledger says is DONE: the integration was
     * reset, so everything is sent again.
     */
    default void ledgerForgotten(StepRecord latest) {
    }

    /** A request an earlier push left under way ended with this status (DONE, or FAILED). */
    default void earlierRequest(StepRecord request, String status) {
    }

    /** Another push holds the integration; this one waits (the line says who holds it, since when, how long left). */
    default void waitingForIntegration(String notice) {
    }

    /** Gong held a request under the step's id that this ledger never sent; the step is sent as {@code retry}. */
    default void sentAgainUnderNewId(PlanStep step, String foreignId, String retry) {
    }
}
