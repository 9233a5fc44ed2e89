package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.read.LineProblem;

/**
 * Something the reader found wrong with a line or a file before any object could be read from it
 * (invalid JSON, a blank line, bad bytes...), with the reader's explanation. Each syntax rule reports
 * the problems it owns.
 */
public interface SyntaxScope {

    String file();

    LineProblem problem();

    /** The reader's explanation of the problem, worded for the user. */
    String message();

    /** Reports a finding at the problem's line and column. */
    void report(Rule rule, String message);
}
