package dev.gongcrm.maven;

import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gongcrm:rules prints the catalog Maven users select and ignore by, without a CLI. */
class RulesMojoTest {

    private final List<String> printed = new ArrayList<>();

    private RulesMojo mojo(String rule) {
        RulesMojo mojo = new RulesMojo();
        mojo.rule = rule;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                printed.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void listsEveryRuleWithItsSeverity() throws Exception {
        mojo(null).execute();
        assertTrue(printed.get(0).startsWith("RULE "), printed.get(0));
        for (RuleMeta rule : RuleCatalog.all()) {
            assertEquals(1, printed.stream().filter(line -> line.startsWith(rule.name() + " ")
                    && line.contains(rule.defaultSeverity().id())).count(), rule.name());
        }
    }

    @Test
    void explainsOneRuleWithItsExamples() throws Exception {
        mojo("datetime-format").execute();
        assertEquals("datetime-format (error)", printed.get(0));
        assertTrue(printed.contains("Bad:"), String.join("\n", printed));
        assertTrue(printed.contains("Good:"), String.join("\n", printed));
    }

    @Test
    void showsTheSeveritiesOfTheProfileAsked() throws Exception {
        RulesMojo current = mojo(null);
        current.profile = "current";
        current.execute();
        assertTrue(printed.stream().anyMatch(line -> line.matches("dropped-schema-field +error .*")),
                String.join("\n", printed));
        printed.clear();
        RulesMojo explained = mojo("dropped-schema-field");
        explained.profile = "current";
        explained.execute();
        assertEquals("dropped-schema-field (error in the current profile)", printed.get(0));
    }

    @Test
    void aMisspeltRuleIsAnErrorThatSuggestsTheName() {
        MojoExecutionException unknown = assertThrows(MojoExecutionException.class, mojo("datetime-fromat")::execute);
        assertEquals("no rule named 'datetime-fromat'; did you mean 'datetime-format'?", unknown.getMessage());
    }
}
