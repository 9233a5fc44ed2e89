package dev.gongcrm.client.push;

import dev.gongcrm.client.model.LineError;
import dev.gongcrm.client.model.RequestStatusResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an upload request ended, as Gong's request status says: its status, the line errors it names
 * (at most 20) and its counts of failing and stored lines, which tell what became of the lines it does
 * not name.
 */
public record RequestEnding(String status, List<LineError> errors, Integer totalErrorCount,
                            Integer totalSuccessCount) {

    public RequestEnding {
        errors = List.copyOf(errors);
    }

    public static RequestEnding of(RequestStatusResponse response) {
        return new RequestEnding(response.status().name(), response.errors(), response.totalErrorCount(),
                response.totalSuccessCount());
    }

    /** An ending this push decided itself (Gong never answered for the request): nothing is known to be stored. */
    public static RequestEnding failed(List<LineError> errors) {
        return new RequestEnding(StepRecord.FAILED, errors, null, 0);
    }

    public static RequestEnding done() {
        return new RequestEnding(StepRecord.DONE, List.of(), 0, null);
    }

    public boolean isDone() {
        return StepRecord.DONE.equals(status);
    }

    /** Gong's description per line of the upload it names (1-based, as Gong numbers an upload's lines). */
    Map<Integer, String> failedLines() {
        Map<Integer, String> lines = new LinkedHashMap<>();
        if (!isDone()) {
            errors.stream().filter(error -> error.line() > 0)
                    .forEach(error -> lines.merge(error.line(), error.description(), (a, b) -> a + "; " + b));
        }
        return lines;
    }

    /** What became of the lines Gong does not name, which it names {@code named} of. */
    ObjectIndex.Outcome othersOutcome(int named) {
        if (isDone()) {
            return ObjectIndex.Outcome.STORED;
        }
        if (totalSuccessCount != null && totalSuccessCount == 0) {
            return ObjectIndex.Outcome.FAILED;
        }
        return totalErrorCount != null && totalErrorCount <= named && errors.stream().allMatch(e -> e.line() > 0)
                ? ObjectIndex.Outcome.STORED : ObjectIndex.Outcome.UNCERTAIN;
    }

    /** Why a line Gong does not name is not known as stored. */
    String othersError(int named) {
        String fileErrors = String.join("; ", errors.stream().filter(error -> error.line() <= 0)
                .map(LineError::description).toList());
        if (othersOutcome(named) == ObjectIndex.Outcome.FAILED) {
            return fileErrors.isEmpty() ? "Gong stored none of this upload's objects" : fileErrors;
        }
        return "Gong's status names " + named + " of its " + (totalErrorCount == null ? "unknown number of"
                : String.valueOf(totalErrorCount)) + " failing lines; this one may be among the others"
                + (fileErrors.isEmpty() ? "" : " (" + fileErrors + ")");
    }
}
