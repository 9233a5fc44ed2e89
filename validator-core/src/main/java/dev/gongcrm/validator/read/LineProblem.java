package dev.gongcrm.validator.read;

/** What can be wrong with a line or a file before any rule about CRM objects can look at it. */
public enum LineProblem {
    INVALID_JSON,
    NOT_AN_OBJECT,
    INVALID_ENCODING,
    BLANK_LINE,
    EMPTY_FILE
}
