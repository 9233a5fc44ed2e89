package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.Severity;

import java.util.Map;
import java.util.Optional;

/**
 * What a profile changes in the rules beyond its schemas ({@code profile.json} beside them): default
 * severities and advice in the wording of that generation of Gong's documentation. Rules ask it by
 * their name, so a profile never needs a branch in a rule.
 *
 * @param severities default severity per rule name, replacing the rule's own default (a user's
 *     {@code --severity} still wins)
 * @param advice per rule name, the advice its findings end with in this profile instead of the rule's own
 */
public record ProfileTable(String name, String description, Map<String, Severity> severities,
                           Map<String, String> advice) {

    public ProfileTable {
        severities = Map.copyOf(severities);
        advice = Map.copyOf(advice);
    }

    /** The advice of this profile for a rule's findings, when it words it differently from the rule. */
    public Optional<String> advice(String ruleName) {
        return Optional.ofNullable(advice.get(ruleName));
    }
}
