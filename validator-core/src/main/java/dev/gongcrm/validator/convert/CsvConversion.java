package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversion did: the LDJSON file written, how many objects it holds, the cells that could not be
 * converted (findings at the CSV's lines and columns, rule {@link CsvConverter#RULE}) and the columns no
 * field took.
 *
 * @param findings the conversion findings kept (at most the limit), in the CSV's order
 * @param findingCount every conversion finding, including those past the limit
 * @param matches without a mapping, how each column was matched to a field; empty with one
 * @param mapping the mapping the conversion used: the one given, or the one made of the matches
 */
public record CsvConversion(String csv, Path output, long objects, List<Finding> findings, long findingCount,
                            List<String> unmappedColumns, List<ColumnMatch> matches, CsvMapping mapping) {

    public CsvConversion {
        findings = List.copyOf(findings);
        unmappedColumns = List.copyOf(unmappedColumns);
        matches = List.copyOf(matches);
    }

    /**
     * The validation of the output with this conversion's findings ahead of its own: one result for the
     * report writers, whose counts and fail level cover both, and whose files begin with the CSV.
     */
    public ValidationResult withValidation(ValidationResult validation) {
        List<Finding> findings = new ArrayList<>(this.findings);
        findings.addAll(validation.findings());
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        counts.putAll(validation.counts());
        if (findingCount > 0) {
            counts.merge(Severity.ERROR, findingCount, Long::sum);
        }
        Map<String, Long> ruleCounts = new java.util.HashMap<>(validation.ruleCounts());
        if (findingCount > 0) {
            ruleCounts.merge(CsvConverter.RULE, findingCount, Long::sum);
        }
        List<String> files = new ArrayList<>();
        files.add(csv);
        files.addAll(validation.files());
        return new ValidationResult(findings, counts, files, validation.objects(), ruleCounts, List.of(),
                validation.ruleSettings(), Map.of(), validation.index());
    }
}
