package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.UniqueValueScope;
import dev.gongcrm.validator.schema.TypeSpec;

/**
 * An object whose unique value another object holds, with where to report it: kept as it is when the
 * holder is of an earlier push, until the files of the type tell whether the bundle sends that holder
 * again (then the bundle's version of it decides, not the ledger's).
 */
record UniqueConflict(FindingTarget target, String file, TypeSpec spec, int line, int column, String objectId,
                      String field, String value, FirstHolder holder) implements UniqueValueScope {

    /** Hands the conflict to the rules that report it. */
    void check(Iterable<Rule> rules) {
        for (Rule rule : rules) {
            rule.checkUniqueValue(this);
        }
    }

    @Override
    public void report(Rule rule, String message) {
        target.add(new Raised(rule.meta(), new Raised.Place(file, line, column, objectId), field, message));
    }
}
