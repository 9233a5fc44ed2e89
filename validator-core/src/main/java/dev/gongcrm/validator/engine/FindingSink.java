package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.rules.RuleMeta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one run: drops those of disabled rules, applies severities, caps what it keeps.
 * At the cap a finding displaces the latest kept finding of a lower severity, so that the findings kept
 * are the most severe ones (the first of each severity); every finding is counted.
 */
final class FindingSink implements FindingTarget {

    /** A kept finding with the order it was raised in. */
    private record Kept(long order, Finding finding) {
    }

    private final RuleConfig config;
    private final int maxFindings;
    private final Map<Severity, List<Kept>> kept = new EnumMap<>(Severity.class);
    private int keptCount;
    private long raised;
    private final Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    private final Map<String, Long> ruleCounts = new java.util.HashMap<>();
    private final Map<String, Long> fixableCounts = new java.util.HashMap<>();

    FindingSink(RuleConfig config, int maxFindings) {
        this.config = config;
        this.maxFindings = maxFindings;
    }

    @Override
    public void add(Raised finding) {
        RuleMeta meta = finding.rule();
        if (!config.isEnabled(meta)) {
            return;
        }
        Severity severity = config.severityOf(meta);
        counts.merge(severity, 1L, Long::sum);
        ruleCounts.merge(meta.name(), 1L, Long::sum);
        if (finding.fixable()) {
            fixableCounts.merge(meta.name(), 1L, Long::sum);
        }
        long order = raised++;
        if (keptCount >= maxFindings && !displaceLessSevereThan(severity)) {
            return;
        }
        Raised.Place place = finding.place();
        kept.computeIfAbsent(severity, s -> new ArrayList<>()).add(new Kept(order, new Finding(meta.name(), severity,
                place.file(), place.line(), place.column(), place.objectId(),
                finding.field() == null ? null : pointer(finding.field()), finding.message(), finding.fixable())));
        keptCount++;
    }

    /** Drops the latest kept finding of the lowest severity below this one; false when there is none. */
    private boolean displaceLessSevereThan(Severity severity) {
        for (Severity lower : Severity.values()) { // least severe first
            if (lower.atLeast(severity)) {
                return false;
            }
            List<Kept> ofLower = kept.get(lower);
            if (ofLower != null && !ofLower.isEmpty()) {
                ofLower.remove(ofLower.size() - 1);
                keptCount--;
                return true;
            }
        }
        return false;
    }

    /** The findings kept, in the order they were raised. */
    List<Finding> findings() {
        return kept.values().stream().flatMap(List::stream).sorted(Comparator.comparingLong(Kept::order))
                .map(Kept::finding).toList();
    }

    Map<Severity, Long> counts() {
        return counts;
    }

    Map<String, Long> ruleCounts() {
        return ruleCounts;
    }

    Map<String, Long> fixableCounts() {
        return fixableCounts;
    }

    /** A field name as a JSON pointer; a name that already is a pointer is kept. */
    static String pointer(String field) {
        if (field.startsWith("/")) {
            return field;
        }
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
