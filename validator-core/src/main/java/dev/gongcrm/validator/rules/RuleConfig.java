package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.Severity;

import java.util.Map;
import java.util.Set;

/**
 * Which rules run and at what severity.
 *
 * @param select the rules to run; empty means all
 * @param ignore rules not to run, applied after {@code select}
 * @param severities severity per rule name, replacing the rule's default
 */
public record RuleConfig(Set<String> select, Set<String> ignore, Map<String, Severity> severities) {

    public static final RuleConfig ALL = new RuleConfig(Set.of(), Set.of(), Map.of());

    public RuleConfig {
        select = Set.copyOf(select);
        ignore = Set.copyOf(ignore);
        severities = Map.copyOf(severities);
        for (String name : select) {
            requireKnown(name);
        }
        for (String name : ignore) {
            requireKnown(name);
        }
        for (String name : severities.keySet()) {
            requireKnown(name);
        }
    }

    /** This configuration over a profile's default severities: a severity set here still wins. */
    public RuleConfig withDefaultSeverities(Map<String, Severity> defaults) {
        Map<String, Severity> merged = new java.util.HashMap<>(defaults);
        merged.putAll(severities);
        return new RuleConfig(select, ignore, merged);
    }

    public boolean isEnabled(RuleMeta rule) {
        return (select.isEmpty() || select.contains(rule.name())) && !ignore.contains(rule.name());
    }

    public Severity severityOf(RuleMeta rule) {
        return severities.getOrDefault(rule.name(), rule.defaultSeverity());
    }

    private static void requireKnown(String name) {
        if (RuleCatalog.find(name).isEmpty()) {
            throw new IllegalArgumentException("unknown rule '" + name + "'" + DidYouMean.hint(name,
                    RuleCatalog.all().stream().map(RuleMeta::name).toList()) + " (the rule catalog lists them all)");
        }
    }
}
