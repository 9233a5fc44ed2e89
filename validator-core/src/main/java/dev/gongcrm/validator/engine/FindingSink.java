package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.rules.RuleMeta;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects the findings of one run: drops those of disabled rules, applies severities, caps what it keeps. */
final class FindingSink implements FindingTarget {

    private final RuleConfig config;
    private final int maxFindings;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<Severity, Long> counts = new EnumMap<>(Severity.class);

    FindingSink(RuleConfig config, int maxFindings) {
        this.config = config;
        this.maxFindings = maxFindings;
    }

    boolean isEnabled(Class<? extends Rule> rule) {
        return config.isEnabled(RuleMeta.of(rule));
    }

    @Override
    public void add(Class<? extends Rule> rule, String file, int line, int column, String objectId, String field,
                    String message) {
        RuleMeta meta = RuleMeta.of(rule);
        if (!config.isEnabled(meta)) {
            return;
        }
        Severity severity = config.severityOf(meta);
        counts.merge(severity, 1L, Long::sum);
        if (kept.size() < maxFindings) {
            kept.add(new Finding(meta.name(), severity, file, line, column, objectId,
                    field == null ? null : pointer(field), message));
        }
    }

    List<Finding> findings() {
        return kept;
    }

    Map<Severity, Long> counts() {
        return counts;
    }

    /** A field name as a JSON pointer; a name that already is a pointer is kept. */
    static String pointer(String field) {
        if (field.startsWith("/")) {
            return field;
        }
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
