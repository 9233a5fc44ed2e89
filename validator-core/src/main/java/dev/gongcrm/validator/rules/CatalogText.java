package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.util.List;

/**
 * The rule catalog as people read it, written once from the rules' metadata for every tool that shows it
 * (the command line's {@code rules}, the Maven plugin's {@code gongcrm:rules}, the generated docs).
 */
public final class CatalogText {

    private CatalogText() {
    }

    /**
     * One row a rule: name, default severity in the API profile (as a run of that profile reports it
     * when no severity is changed), whether {@code gongcrm fix} repairs it, summary.
     */
    public static List<String> table(String profile) {
        int width = RuleCatalog.all().stream().mapToInt(rule -> rule.name().length()).max().orElse(10);
        String row = "%-" + width + "s  %-8s  %-7s  %s";
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(row, "RULE", "SEVERITY", "FIXABLE", "SUMMARY"));
        for (RuleMeta rule : RuleCatalog.all()) {
            lines.add(String.format(row, rule.name(), RuleCatalog.severityIn(rule, profile).id(),
                    RuleCatalog.fix(rule).isPresent() ? "yes" : "no", rule.summary()));
        }
        return lines;
    }

    /**
     * A rule explained: its default severity in the API profile, summary, the sentence of Gong's
     * documentation, its fix, a bad and a good example.
     */
    public static String explain(RuleMeta rule, String profile) {
        StringBuilder text = new StringBuilder();
        text.append(rule.name()).append(" (").append(RuleCatalog.severityIn(rule, profile).id())
                .append(profile.equals(ProfileSchemas.DEFAULT_PROFILE) ? "" : " in the " + profile + " profile")
                .append(")\n\n");
        text.append("  ").append(rule.summary()).append("\n\n");
        text.append("  Gong's documentation: \"").append(rule.seed()).append("\"\n\n");
        text.append("  Fixable: ").append(RuleCatalog.fix(rule).map(fix -> "yes, by 'gongcrm fix': " + fix)
                .orElse("no")).append("\n\n");
        if (!rule.badExample().isEmpty()) {
            text.append("Bad:\n").append(indent(rule.badExample()));
            text.append("  -> reported at ").append(String.join(", ", rule.reported())).append("\n\n");
        }
        text.append("Good:\n").append(indent(rule.goodExample()));
        if (rule.goodExample().contains("--- uploaded/")) {
            text.append("\n(files under uploaded/ stand for earlier pushes, as 'validate --ledger' reads them "
                    + "from the ledger)\n");
        }
        if (!rule.exampleOptions().isEmpty()) {
            text.append("\n(examples checked with --").append(String.join(" --", rule.exampleOptions())).append(")\n");
        }
        return text.toString();
    }

    /**
     * The anchor of the rule's section in {@link #markdown()} ({@code docs/rules.md#url-format}), for links
     * from elsewhere (the html report): a section is headed by the rule's name, lower-case words and hyphens,
     * which Markdown renderers turn into that same anchor.
     */
    public static String anchor(RuleMeta rule) {
        return rule.name();
    }

    /** The catalog as a Markdown document ({@code docs/rules.md}): every rule as a section, in catalog order. */
    public static String markdown() {
        StringBuilder text = new StringBuilder("# Rule catalog\n\n")
                .append("Generated from the rules' metadata (`@RuleDoc`) by `./gongcrm rules --markdown > docs/rules.md`;\n")
                .append("a test fails when this file is stale. Each bad example is checked to raise its rule exactly\n")
                .append("where it says (file:line:column field), each good example to raise nothing.\n\n")
                .append("| rule | default | fixable | summary |\n|---|---|---|---|\n");
        for (RuleMeta rule : RuleCatalog.all()) {
            text.append("| [`").append(rule.name()).append("`](#").append(anchor(rule)).append(") | ")
                    .append(rule.defaultSeverity().id()).append(" | ")
                    .append(RuleCatalog.fix(rule).isPresent() ? "yes" : "no").append(" | ")
                    .append(rule.summary().replace("|", "\\|")).append(" |\n");
        }
        text.append('\n');
        for (RuleMeta rule : RuleCatalog.all()) {
            text.append("## ").append(rule.name()).append("\n\nDefault severity: ").append(rule.defaultSeverity().id())
                    .append(otherProfiles(rule)).append(rule.exampleOptions().isEmpty() ? "" : "; examples checked with `--"
                            + String.join("` `--", rule.exampleOptions()) + "`").append(".\n\n")
                    .append(rule.summary()).append("\n\n> ").append(rule.seed()).append("\n\nFixable: ")
                    .append(RuleCatalog.fix(rule).map(fix -> "yes. " + fix).orElse("no")).append("\n\n");
            if (!rule.badExample().isEmpty()) {
                text.append("Bad:\n\n```\n").append(rule.badExample()).append("```\n\nReported at: ")
                        .append(String.join(", ", rule.reported().stream().map(place -> "`" + place + "`").toList()))
                        .append("\n\n");
            }
            text.append("Good:\n\n```\n").append(rule.goodExample()).append("```\n\n");
        }
        return text.toString().stripTrailing() + "\n";
    }

    /** The profiles in which the rule's default severity is another, e.g. " (error in the current profile)". */
    private static String otherProfiles(RuleMeta rule) {
        List<String> others = new java.util.ArrayList<>();
        for (String profile : ProfileSchemas.PROFILES) {
            Severity severity = RuleCatalog.severityIn(rule, profile);
            if (severity != rule.defaultSeverity()) {
                others.add(severity.id() + " in the " + profile + " profile");
            }
        }
        return others.isEmpty() ? "" : " (" + String.join(", ", others) + ")";
    }

    private static String indent(String example) {
        StringBuilder text = new StringBuilder();
        for (String line : example.split("\n")) {
            text.append("  ").append(line).append('\n');
        }
        return text.toString();
    }
}
