package dev.gongcrm.cli;

import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "rules",
        description = {"Lists the rules, or explains one with the sentence of Gong's documentation it enforces "
                + "and a bad and a good example."},
        mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "A rule name, e.g. datetime-format.")
    String name;

    @CommandLine.Option(names = "--markdown", description = "Print the whole catalog as Markdown (for docs).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            RuleCatalog.all().forEach(rule -> out.print(markdown(rule)));
            return 0;
        }
        if (name == null) {
            int width = RuleCatalog.all().stream().mapToInt(rule -> rule.name().length()).max().orElse(10);
            String row = "%-" + width + "s  %-8s  %-7s  %s%n";
            out.printf(row, "RULE", "SEVERITY", "FIXABLE", "SUMMARY");
            for (RuleMeta rule : RuleCatalog.all()) {
                out.printf(row, rule.name(), rule.defaultSeverity().id(), fixable(rule), rule.summary());
            }
            out.println();
            out.println("'gongcrm rules NAME' explains a rule with examples; 'gongcrm fix' repairs the fixable ones.");
            return 0;
        }
        Optional<RuleMeta> rule = RuleCatalog.find(name);
        if (rule.isEmpty()) {
            String hint = DidYouMean.hint(name, RuleCatalog.all().stream().map(RuleMeta::name).toList());
            spec.commandLine().getErr().println("gongcrm: error: no rule named '" + name + "'"
                    + (hint.isEmpty() ? "; 'gongcrm rules' lists them" : hint));
            return GongCrm.USAGE;
        }
        out.print(explain(rule.get()));
        return 0;
    }

    static String explain(RuleMeta rule) {
        StringBuilder text = new StringBuilder();
        text.append(rule.name()).append(" (").append(rule.defaultSeverity().id()).append(")\n\n");
        text.append("  ").append(rule.summary()).append("\n\n");
        text.append("  Gong's documentation: \"").append(rule.seed()).append("\"\n\n");
        text.append("  Fixable: ").append(RuleCatalog.fix(rule).map(fix -> "yes, by 'gongcrm fix': " + fix)
                .orElse("no")).append("\n\n");
        if (!rule.badExample().isEmpty()) {
            text.append("Bad:\n").append(indent(rule.badExample())).append('\n');
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

    /** "yes" when {@code gongcrm fix} repairs the rule's findings, else "no". */
    private static String fixable(RuleMeta rule) {
        return RuleCatalog.fix(rule).isPresent() ? "yes" : "no";
    }

    private static String markdown(RuleMeta rule) {
        return "## `" + rule.name() + "` (" + rule.defaultSeverity().id() + ")\n\n" + rule.summary() + "\n\n> "
                + rule.seed() + "\n\nFixable: " + RuleCatalog.fix(rule).map(fix -> "yes. " + fix).orElse("no")
                + "\n\n" + (rule.badExample().isEmpty() ? "" : "Bad:\n\n```\n" + rule.badExample()
                + "```\n\n") + "Good:\n\n```\n" + rule.goodExample() + "```\n\n";
    }

    private static String indent(String example) {
        StringBuilder text = new StringBuilder();
        for (String line : example.split("\n")) {
            text.append("  ").append(line).append('\n');
        }
        return text.toString();
    }
}
