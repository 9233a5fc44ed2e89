package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule's documented examples are tests: the bad one raises the rule, the good one raises nothing. */
class RuleExamplesTest {

    static List<RuleMeta> rules() {
        return RuleCatalog.all();
    }

    static List<RuleMeta> rulesWithBadExample() {
        return RuleCatalog.all().stream().filter(rule -> !rule.badExample().isEmpty()).toList();
    }

    private static Validator validatorFor(RuleMeta rule, String example) {
        return Validator.builder()
                .profile(rule.exampleProfile())
                .initialUpload(rule.exampleOptions().contains("initial"))
                .dialer(rule.exampleOptions().contains("dialer"))
                .priorUploads(Bundles.priorUploads(example))
                .build();
    }

    /** The bad example raises the rule exactly where its metadata says: file, line, column and field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesWithBadExample")
    void badExampleRaisesTheRuleWhereItSays(RuleMeta rule) {
        ValidationResult result = Bundles.validate(validatorFor(rule, rule.badExample()), rule.badExample());
        List<Finding> raised = result.findings().stream().filter(f -> f.rule().equals(rule.name())).toList();
        assertFalse(raised.isEmpty(), () -> rule.name() + " not raised by its bad example; got " + result.findings());
        assertEquals(rule.reported(), raised.stream().map(RuleExamplesTest::place).toList(),
                () -> rule.name() + ": @RuleDoc(reported) differs from where the bad example raised it");
        for (Finding finding : raised) {
            assertEquals(rule.defaultSeverity(), finding.severity());
            assertFalse(finding.message().isBlank());
        }
    }

    private static String place(Finding finding) {
        return finding.file() + ":" + finding.line() + (finding.hasColumn() ? ":" + finding.column() : "")
                + (finding.field() != null ? " " + finding.field() : "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void goodExampleIsClean(RuleMeta rule) {
        ValidationResult result = Bundles.validate(validatorFor(rule, rule.goodExample()), rule.goodExample());
        assertEquals(List.of(), result.findings(), () -> rule.name() + "'s good example is not clean");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void metadataIsComplete(RuleMeta rule) {
        assertTrue(rule.name().matches("[a-z]+(-[a-z]+)*"), rule.name());
        assertFalse(rule.summary().isBlank());
        assertFalse(rule.seed().isBlank());
        assertTrue(rule.goodExample().startsWith("--- "), rule.name() + ": examples start with a file header");
    }

    @Test
    void onlyPayloadTooLargeHasNoInlineBadExample() {
        Set<String> without = rules().stream().filter(r -> r.badExample().isEmpty()).map(RuleMeta::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("payload-too-large"), without);
    }

    @Test
    void namesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (RuleMeta rule : rules()) {
            assertTrue(seen.add(rule.name()), "duplicate rule name " + rule.name());
        }
    }

    /** The brief's rule names are a contract users rely on; rules beyond them need no change here. */
    @Test
    void catalogCoversTheProductBrief() {
        Set<String> expected = Set.of("invalid-json", "not-an-object", "duplicate-key", "invalid-encoding",
                "blank-line", "empty-file", "payload-too-large", "unknown-object-type", "missing-mandatory-field",
                "wrong-type", "datetime-format", "date-format", "out-of-range", "picklist-value",
                "invalid-enum-value", "email-format", "url-format", "domain-format", "deprecated-field",
                "unknown-field", "deleted-on-initial-upload", "inconsistent-deal-status", "duplicate-object",
                "unsorted-modified-date", "unresolved-reference", "inactive-stage", "reference-to-deleted",
                "duplicate-field-definition", "stringarray-custom-field", "dropped-schema-field");
        Set<String> names = rules().stream().map(RuleMeta::name).collect(Collectors.toSet());
        assertEquals(Set.of(), expected.stream().filter(name -> !names.contains(name)).collect(Collectors.toSet()),
                "rules of the product brief missing from the catalog");
        assertTrue(rules().stream().anyMatch(r -> r.defaultSeverity() == Severity.WARNING));
    }
}
