package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;

/** How Gong words a problem with a field or a line, whether validator-core or the emulator found it. */
final class GongWording {

    private GongWording() {
    }

    static String describe(Finding finding) {
        String field = finding.field() == null ? "" : finding.field().substring(1);
        return switch (finding.rule()) {
            case "missing-mandatory-field" -> missing(field);
            case "wrong-type", "out-of-range", "picklist-value" -> invalidValue(field);
            case "datetime-format", "date-format" -> "Field [" + field + "] has an invalid date format";
            case "invalid-json", "not-an-object", "invalid-encoding", "duplicate-key" -> unparsableLine();
            case "duplicate-object" -> "Object [" + finding.objectId() + "] appears more than once in the list";
            case "unsorted-modified-date" -> "The list is not sorted by modifiedDate ascending";
            default -> finding.message();
        };
    }

    static String missing(String field) {
        return "Mandatory field [" + field + "] is missing or empty";
    }

    static String invalidValue(String field) {
        return "Field [" + field + "] has an invalid value";
    }

    static String unparsableLine() {
        return "Failed to parse the line as a JSON object";
    }
}
