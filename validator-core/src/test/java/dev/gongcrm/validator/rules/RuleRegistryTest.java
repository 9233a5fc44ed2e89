package dev.gongcrm.validator.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The registry checks itself: every class that documents a rule is registered, and everything registered
 * is a documented rule. Adding a rule is writing its class (with its examples) and naming it in
 * {@code META-INF/services/dev.gongcrm.validator.rules.Rule}; forgetting the second half fails here.
 */
class RuleRegistryTest {

    @Test
    void everyDocumentedRuleClassIsRegistered() throws Exception {
        Set<String> registered = RuleCatalog.all().stream().map(rule -> rule.ruleClass().getName())
                .collect(Collectors.toSet());
        List<String> documented = documentedRuleClasses();
        assertFalse(documented.isEmpty(), "no @RuleDoc class found: the scan looks in the wrong place");
        List<String> missing = documented.stream().filter(name -> !registered.contains(name)).toList();
        assertEquals(List.of(), missing, "add these lines to "
                + "validator-core/src/main/resources/META-INF/services/dev.gongcrm.validator.rules.Rule");
    }

    @Test
    void everyRegisteredRuleIsDocumentedAndInstantiable() {
        for (RuleMeta rule : RuleCatalog.all()) {
            assertNotNull(rule.ruleClass().getAnnotation(RuleDoc.class), rule.ruleClass().getName());
            assertFalse(rule.goodExample().isBlank(), rule.name() + " has no good example");
        }
        assertEquals(RuleCatalog.all().size(), RuleCatalog.newInstances().size());
    }

    /** The classes of the rules package (compiled output) that carry {@link RuleDoc}. */
    private static List<String> documentedRuleClasses() throws Exception {
        Path root = Path.of(RuleCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path rules = root.resolve(RuleCatalog.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(rules)) {
            List<String> names = files.map(root::relativize).map(Path::toString)
                    .filter(file -> file.endsWith(".class") && !file.contains("$"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.'))
                    .sorted().toList();
            List<String> documented = new ArrayList<>();
            for (String name : names) {
                if (Class.forName(name).isAnnotationPresent(RuleDoc.class)) {
                    documented.add(name);
                }
            }
            return documented;
        }
    }
}
