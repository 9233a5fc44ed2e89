package dev.gongcrm.maven;

import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.rules.CatalogText;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Optional;

/**
 * Prints the rule catalog: every rule with its default severity (in the profile {@code -Dgongcrm.profile}
 * names) and summary, or, with {@code -Dgongcrm.rule=NAME}, one rule explained with the sentence of
 * Gong's documentation it enforces and a bad and a good example. Needs no project: {@code mvn dev.gongcrm:gongcrm-maven-plugin:rules}.
 */
@Mojo(name = "rules", requiresProject = false, threadSafe = true)
public class RulesMojo extends AbstractMojo {

    /** A rule to explain, e.g. {@code datetime-format}; without it the whole catalog is listed. */
    @Parameter(property = "gongcrm.rule")
    String rule;

    /**
     * The API profile whose default severities are shown ({@code legacy}, the default, or {@code current}):
     * a SARIF report of a validation in that profile describes the rules with them.
     */
    @Parameter(property = "gongcrm.profile")
    String profile;

    @Override
    public void execute() throws MojoExecutionException {
        String chosen = profile == null || profile.isBlank() ? ProfileSchemas.DEFAULT_PROFILE : profile.trim();
        try {
            ProfileSchemas.requireKnown(chosen);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (rule == null || rule.isBlank()) {
            CatalogText.table(chosen).forEach(getLog()::info);
            getLog().info("");
            getLog().info("-Dgongcrm.rule=NAME explains a rule with examples; <select>, <ignore> and <severities> "
                    + "take these names.");
            return;
        }
        Optional<RuleMeta> found = RuleCatalog.find(rule.trim());
        if (found.isEmpty()) {
            String hint = DidYouMean.hint(rule.trim(), RuleCatalog.all().stream().map(RuleMeta::name).toList());
            throw new MojoExecutionException("no rule named '" + rule + "'"
                    + (hint.isEmpty() ? "; run gongcrm:rules without -Dgongcrm.rule to list them" : hint));
        }
        CatalogText.explain(found.get(), chosen).lines().forEach(getLog()::info);
    }
}
