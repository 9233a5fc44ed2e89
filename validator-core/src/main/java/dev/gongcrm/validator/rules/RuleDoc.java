package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata every rule carries: the rule catalog ({@code gongcrm rules}, SARIF rule descriptions,
 * the docs) is produced from it, and the rule's own bad and good examples are run as tests.
 *
 * <p>Examples are small bundles: one or more files, each introduced by a line {@code --- NAME}
 * (e.g. {@code --- deals.ldjson}); the bad example must raise the rule, the good one must not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDoc {

    /** Stable kebab-case name users select, ignore and look up. */
    String name();

    Severity severity();

    /** One sentence: what the rule checks. */
    String summary();

    /** The sentence of Gong's documentation the rule enforces, quoted. */
    String seed();

    /** A bundle that breaks the rule. */
    String bad();

    /**
     * Where the bad example raises the rule, in order: {@code file:line[:column][ field]}, e.g.
     * {@code deals.ldjson:1:175 /closeDate} (line 0: the whole file). The examples test pins each finding
     * to its place, so a rule that fires at the wrong line, column or field fails it.
     */
    String[] reported() default {};

    /** The same data fixed. */
    String good();

    /** Options the examples need, e.g. {@code initial}, {@code dialer}, {@code profile=current}. */
    String[] exampleOptions() default {};

    /** One sentence: what {@code gongcrm fix} repairs of this rule's findings; empty when it repairs nothing. */
    String fix() default "";
}
