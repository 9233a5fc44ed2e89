package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every rule, in catalog order: the rules registered as services of {@link Rule}
 * ({@code META-INF/services/dev.gongcrm.validator.rules.Rule}), so that adding a rule is writing its class
 * and naming it there; a test fails for a {@link RuleDoc} class that is not.
 */
public final class RuleCatalog {

    private static final List<Class<? extends Rule>> RULES = ServiceLoader.load(Rule.class,
            RuleCatalog.class.getClassLoader()).stream().<Class<? extends Rule>>map(ServiceLoader.Provider::type).toList();

    private RuleCatalog() {
    }

    public static List<RuleMeta> all() {
        return RULES.stream().map(RuleMeta::of).toList();
    }

    public static Optional<RuleMeta> find(String name) {
        return all().stream().filter(meta -> meta.name().equals(name)).findFirst();
    }

    /**
     * A rule's default severity in an API profile: the profile's table ({@code profile.json}) where it
     * names the rule, else the rule's own.
     */
    public static Severity severityIn(RuleMeta rule, String profile) {
        return ProfileSchemas.of(profile).table().severities().getOrDefault(rule.name(), rule.defaultSeverity());
    }

    /** What {@code gongcrm fix} repairs of a rule's findings, or empty when the rule is not fixable. */
    public static Optional<String> fix(RuleMeta rule) {
        String fix = rule.ruleClass().getAnnotation(RuleDoc.class).fix();
        return fix.isEmpty() ? Optional.empty() : Optional.of(fix);
    }

    /** Fresh instances of every rule, for one validation run (rules may keep per-file state). */
    public static List<Rule> newInstances() {
        return RULES.stream().map(RuleCatalog::instantiate).toList();
    }

    private static Rule instantiate(Class<? extends Rule> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
                 | InvocationTargetException e) {
            throw new IllegalStateException("rule " + type.getName() + " needs a public no-argument constructor", e);
        }
    }
}
