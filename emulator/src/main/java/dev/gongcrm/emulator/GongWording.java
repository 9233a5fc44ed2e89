package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;

/** How Gong words a line error in request-status, from the finding validator-core raised for it. */
final class GongWording {

    private GongWording() {
    }

    static String describe(Finding finding) {
        String field = finding.field() == null ? "" : finding.field().substring(1);
        return switch (finding.rule()) {
            case "missing-mandatory-field" -> "Mandatory field [" + field + "] is missing or empty";
            case "wrong-type", "out-of-range", "picklist-value" -> "Field [" + field + "] has an invalid value";
            case "datetime-format", "date-format" -> "Field [" + field + "] has an invalid date format";
            case "invalid-json", "not-an-object", "invalid-encoding", "duplicate-key" ->
                    "Failed to parse the line as a JSON object";
            case "duplicate-object" -> "Object [" + finding.objectId() + "] appears more than once in the list";
            case "unsorted-modified-date" -> "The list is not sorted by modifiedDate ascending";
            default -> finding.message();
        };
    }
}
