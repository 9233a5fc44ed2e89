package dev.gongcrm.validator;

import dev.gongcrm.validator.report.ReportPaths;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a validation run found.
 *
 * @param findings the findings kept (at most the run's limit, the most severe ones), ordered by file, line and
 *                 column
 * @param counts how many findings of each severity the run raised, including those past the limit
 * @param files the files checked, in the order the user named them
 * @param objects how many lines parsed as objects
 * @param ruleCounts how many findings each rule raised, including those past the limit
 * @param skipped the files of bundle folders that were left out because they are no entity or schema file
 * @param ruleSettings the profile of the run and the severity each rule had in it
 * @param fixableCounts of each rule, how many of its findings {@code gongcrm fix} (without options) repairs,
 *                      including those past the limit; rules with none are left out
 * @param index what the id index held, {@link IndexSize#NONE} when no bundle was read
 */
public record ValidationResult(List<Finding> findings, Map<Severity, Long> counts, List<String> files, long objects,
                               Map<String, Long> ruleCounts, List<String> skipped, RuleSettings ruleSettings,
                               Map<String, Long> fixableCounts, IndexSize index) {

    public ValidationResult {
        findings = List.copyOf(findings);
        counts = counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
        files = List.copyOf(files);
        ruleCounts = Map.copyOf(ruleCounts);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(ruleSettings);
        fixableCounts = Map.copyOf(fixableCounts);
        Objects.requireNonNull(index);
    }

    public ValidationResult(List<Finding> findings, Map<Severity, Long> counts, List<String> files, long objects,
                            Map<String, Long> ruleCounts, List<String> skipped, RuleSettings ruleSettings,
                            Map<String, Long> fixableCounts) {
        this(findings, counts, files, objects, ruleCounts, skipped, ruleSettings, fixableCounts, IndexSize.NONE);
    }

    /** A result of which {@code gongcrm fix} repairs nothing. */
    public ValidationResult(List<Finding> findings, Map<Severity, Long> counts, List<String> files, long objects,
                            Map<String, Long> ruleCounts, List<String> skipped, RuleSettings ruleSettings) {
        this(findings, counts, files, objects, ruleCounts, skipped, ruleSettings, Map.of());
    }

    /** A result of the default profile without severity overrides. */
    public ValidationResult(List<Finding> findings, Map<Severity, Long> counts, List<String> files, long objects,
                            Map<String, Long> ruleCounts, List<String> skipped) {
        this(findings, counts, files, objects, ruleCounts, skipped, RuleSettings.DEFAULT);
    }

    public ValidationResult(List<Finding> findings, Map<Severity, Long> counts, List<String> files, long objects,
                            Map<String, Long> ruleCounts) {
        this(findings, counts, files, objects, ruleCounts, List.of());
    }

    /** A result whose findings are all there is: the count of each rule is that of its findings. */
    public ValidationResult(List<Finding> findings, Map<Severity, Long> counts, List<String> files, long objects) {
        this(findings, counts, files, objects, findings.stream()
                .collect(java.util.stream.Collectors.groupingBy(Finding::rule, java.util.stream.Collectors.counting())));
    }

    /** This result with the files of bundle folders that were skipped. */
    public ValidationResult withSkipped(List<String> skippedFiles) {
        return new ValidationResult(findings, counts, files, objects, ruleCounts, skippedFiles, ruleSettings,
                fixableCounts, index);
    }

    /**
     * This result with every file named as code-scanning tools expect: relative to {@code base} (the
     * working directory, or a Maven project's base directory) when it lies inside it, absolute when not.
     */
    public ValidationResult relativeTo(Path base) {
        Map<String, String> renamed = new HashMap<>();
        Function<String, String> rename = file -> renamed.computeIfAbsent(file, f -> ReportPaths.relative(f, base));
        List<Finding> relativeFindings = findings.stream().map(f -> new Finding(f.rule(), f.severity(),
                rename.apply(f.file()), f.line(), f.column(), f.objectId(), f.field(), f.message(), f.fixable())).toList();
        return new ValidationResult(relativeFindings, counts, files.stream().map(rename).toList(), objects, ruleCounts,
                skipped.stream().map(rename).toList(), ruleSettings, fixableCounts, index);
    }

    public long count(Severity severity) {
        return counts.getOrDefault(severity, 0L);
    }

    /** How many findings {@code gongcrm fix} (without options) repairs, including those past the limit. */
    public long fixable() {
        return fixableCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether findings were raised that {@link #findings} does not hold. */
    public boolean truncated() {
        return total() > findings.size();
    }

    /** How many findings were raised that {@link #findings} does not hold (the run's limit left them out). */
    public long omitted() {
        return Math.max(0, total() - findings.size());
    }

    /** How many findings of this severity were raised that {@link #findings} does not hold. */
    public long omitted(Severity severity) {
        return Math.max(0, count(severity) - findings.stream().filter(f -> f.severity() == severity).count());
    }

    /** Whether any finding is at least this severe: the build or pipeline should fail. */
    /** How many findings are at least this severe (past the limit too); 0 for null, a level that nothing reaches. */
    public long countAtLeast(Severity severity) {
        long count = 0;
        for (Severity level : Severity.values()) {
            if (severity != null && level.atLeast(severity)) {
                count += count(level);
            }
        }
        return count;
    }

    public boolean hasAtLeast(Severity severity) {
        for (Severity level : Severity.values()) {
            if (level.atLeast(severity) && count(level) > 0) {
                return true;
            }
        }
        return false;
    }
}
