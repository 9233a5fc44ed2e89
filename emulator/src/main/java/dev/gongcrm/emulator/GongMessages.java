package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;

/**
 * Gong's own message for a problem with a field or a line, as the rule's {@link GongWording} gives it,
 * whether validator-core or the emulator found the problem.
 */
final class GongMessages {

    private GongMessages() {
    }

    /** Gong's message for a finding; the finding's own message when Gong's wording of its rule is not known. */
    static String describe(Finding finding) {
        GongWording wording = RuleCatalog.find(finding.rule()).map(RuleMeta::ruleClass)
                .map(rule -> rule.getAnnotation(GongWording.class)).orElse(null);
        if (wording == null) {
            return finding.message();
        }
        String field = finding.field() == null ? "" : finding.field().substring(1);
        return fill(wording, field, finding.objectId());
    }

    /** Gong's message for the rule's mistake (in a field, or null) that the emulator found itself. */
    static String of(Class<? extends Rule> rule, String field) {
        return fill(rule.getAnnotation(GongWording.class), field, null);
    }

    private static String fill(GongWording wording, String field, String objectId) {
        return wording.value().replace(GongWording.FIELD, String.valueOf(field))
                .replace(GongWording.OBJECT_ID, String.valueOf(objectId));
    }
}
