package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.util.List;

/** A rule's {@link RuleDoc} read once from its class. */
public record RuleMeta(String name, Severity defaultSeverity, String summary, String seed, String badExample,
                       List<String> reported, String goodExample, List<String> exampleOptions,
                       Class<? extends Rule> ruleClass) {

    private static final String PROFILE_OPTION = "profile=";
    private static final ClassValue<RuleMeta> CACHE = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected RuleMeta computeValue(Class<?> type) {
            RuleDoc doc = type.getAnnotation(RuleDoc.class);
            if (doc == null) {
                throw new IllegalStateException(type.getName() + " has no @RuleDoc");
            }
            return new RuleMeta(doc.name(), doc.severity(), doc.summary(), doc.seed(), doc.bad(),
                    List.of(doc.reported()), doc.good(), List.of(doc.exampleOptions()), (Class<? extends Rule>) type);
        }
    };

    public static RuleMeta of(Class<? extends Rule> ruleClass) {
        return CACHE.get(ruleClass);
    }

    /** The API profile the examples are checked in: {@code profile=NAME} among the example options, else the default. */
    public String exampleProfile() {
        return exampleOptions.stream().filter(option -> option.startsWith(PROFILE_OPTION))
                .map(option -> option.substring(PROFILE_OPTION.length())).findFirst()
                .orElse(ProfileSchemas.DEFAULT_PROFILE);
    }
}
