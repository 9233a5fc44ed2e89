package dev.gongcrm.validator;

import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.util.Map;

/**
 * The API profile a run checked with and the severity each rule had in it: what a report needs to
 * describe the rules as the run applied them.
 *
 * @param profile the API profile
 * @param severities per rule name, its severity in the run: the profile's default, then the user's
 *     override (gongcrm.json, {@code --severity}, {@code <severities>}); a rule left out has its profile's
 */
public record RuleSettings(String profile, Map<String, Severity> severities) {

    /** A run of the default profile without overrides. */
    public static final RuleSettings DEFAULT = new RuleSettings(ProfileSchemas.DEFAULT_PROFILE, Map.of());

    public RuleSettings {
        ProfileSchemas.requireKnown(profile);
        severities = Map.copyOf(severities);
    }

    /** The rule's severity in the profile before any user override: what {@code gongcrm rules --profile} shows. */
    public Severity profileSeverity(RuleMeta rule) {
        return RuleCatalog.severityIn(rule, profile);
    }

    /** The rule's severity in the run: that of its findings. */
    public Severity severity(RuleMeta rule) {
        return severities.getOrDefault(rule.name(), profileSeverity(rule));
    }
}
