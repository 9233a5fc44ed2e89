package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.SyntaxScope;

import java.util.List;

/**
 * Hands what the reader found wrong with a line or a file to the syntax rules, which report the
 * problems they own. Reused from one problem to the next: one instance per thread.
 */
final class SyntaxProblems implements SyntaxScope {

    private final List<Rule> rules;
    private FindingTarget target;
    private String file;
    private LineProblem problem;
    private int line;
    private int column;
    private String message;

    SyntaxProblems(List<Rule> rules) {
        this.rules = rules;
    }

    void report(FindingTarget to, String fileName, LineProblem found, int atLine, int atColumn, String explanation) {
        target = to;
        file = fileName;
        problem = found;
        line = atLine;
        column = atColumn;
        message = explanation;
        for (Rule rule : rules) {
            rule.checkSyntax(this);
        }
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public LineProblem problem() {
        return problem;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public void report(Rule rule, String finding) {
        target.add(new Raised(rule.meta(), Raised.Place.at(file, line, column), null, finding));
    }
}
