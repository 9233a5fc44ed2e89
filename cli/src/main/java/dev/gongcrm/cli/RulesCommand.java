package dev.gongcrm.cli;

import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.rules.CatalogText;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.schema.ProfileSchemas;
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

    @CommandLine.Option(names = "--profile", paramLabel = "PROFILE", completionCandidates = ValidationOptions.Profiles.class,
            defaultValue = ProfileSchemas.DEFAULT_PROFILE,
            description = "Show the default severities of this API profile: ${COMPLETION-CANDIDATES} (default: "
                    + "${DEFAULT-VALUE}); a SARIF report of a run of that profile describes the rules with them.")
    String profile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProfileSchemas.requireKnown(profile);
        if (markdown) {
            out.print(CatalogText.markdown());
            return 0;
        }
        if (name == null) {
            CatalogText.table(profile).forEach(out::println);
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
        out.print(CatalogText.explain(rule.get(), profile));
        return 0;
    }
}
