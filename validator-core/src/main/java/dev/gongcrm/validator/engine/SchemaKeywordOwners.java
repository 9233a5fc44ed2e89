package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.rules.SchemaKeywords;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which rule reports a failed keyword of the request-body schema, as the rules' {@link SchemaKeywords}
 * say. Every rule of the catalog takes part, enabled or not: a disabled owner silences its keywords,
 * it does not hand them to another rule.
 */
final class SchemaKeywordOwners {

    /** The rule reporting a failed keyword, and whether the failure leaves the definition uncompiled. */
    record Owner(RuleMeta rule, boolean breaksDefinition) {
    }

    private record Claim(Set<String> keywords, String onFormat, Owner owner) {
    }

    private static final List<Claim> CLAIMS = RuleCatalog.all().stream()
            .map(rule -> {
                SchemaKeywords keywords = rule.ruleClass().getAnnotation(SchemaKeywords.class);
                return keywords == null ? null : new Claim(Set.of(keywords.value()), keywords.onFormat(),
                        new Owner(rule, keywords.breaksDefinition()));
            })
            .filter(Objects::nonNull)
            .toList();

    private SchemaKeywordOwners() {
    }

    /** The owner of a keyword failed by a property declared with this {@code format} (empty when none). */
    static Owner of(String keyword, String format) {
        Owner any = null;
        Owner anyProperty = null;
        for (Claim claim : CLAIMS) {
            if (claim.keywords().contains(keyword)) {
                if (claim.onFormat().isEmpty()) {
                    anyProperty = anyProperty == null ? claim.owner() : anyProperty;
                } else if (claim.onFormat().equals(format)) {
                    return claim.owner();
                }
            } else if (any == null && claim.keywords().contains(SchemaKeywords.ANY_OTHER)) {
                any = claim.owner();
            }
        }
        if (anyProperty != null) {
            return anyProperty;
        }
        if (any == null) {
            throw new IllegalStateException("no rule declares @SchemaKeywords(\"" + SchemaKeywords.ANY_OTHER + "\")");
        }
        return any;
    }
}
