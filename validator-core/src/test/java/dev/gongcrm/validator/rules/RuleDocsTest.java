package dev.gongcrm.validator.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/rules.md is the catalog as the rules' metadata writes it, never edited by hand and never stale. */
class RuleDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "rules.md");

    @Test
    void theRuleDocsAreGeneratedFromTheMetadata() throws Exception {
        assertTrue(Files.isRegularFile(DOCS), "write it with: ./gongcrm rules --markdown > docs/rules.md");
        assertEquals(CatalogText.markdown(), Files.readString(DOCS),
                "docs/rules.md is stale; regenerate it with: ./gongcrm rules --markdown > docs/rules.md");
    }

    @Test
    void everyRuleHasItsSectionAndItsRowInTheTable() {
        String markdown = CatalogText.markdown();
        for (RuleMeta rule : RuleCatalog.all()) {
            assertTrue(markdown.contains("\n## " + rule.name() + "\n"), rule.name());
            assertTrue(markdown.contains("| [`" + rule.name() + "`](#" + rule.name() + ") | "), rule.name());
        }
    }

    /** The anchor the html report links a rule to is that of its section, as Markdown renderers make it. */
    @Test
    void everyRulesAnchorIsItsSectionsHeading() {
        for (RuleMeta rule : RuleCatalog.all()) {
            String anchor = CatalogText.anchor(rule);
            assertTrue(anchor.matches("[a-z0-9-]+"), "renderers keep lower-case letters, digits and hyphens: " + anchor);
            assertTrue(CatalogText.markdown().contains("\n## " + anchor + "\n"), anchor);
        }
    }
}
