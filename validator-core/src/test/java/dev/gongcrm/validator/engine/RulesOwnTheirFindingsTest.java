package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.rules.RuleConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A rule decides its own findings: the engine and the reader hand over what they found and name no rule. */
class RulesOwnTheirFindingsTest {

    private static final Pattern RULE_IMPORT =
            Pattern.compile("import dev\\.gongcrm\\.validator\\.rules\\.(syntax|fields|objects|references|schema)\\.");

    private static final String BUNDLE = """
            --- accounts.ldjson
            {"objectId": "a1", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}

            [1, 2]
            --- export.ldjson
            {"objectId": "a2"}
            """;

    private static List<String> rules(RuleConfig config) {
        return Bundles.validate(Validator.builder().rules(config).build(), BUNDLE).findings().stream()
                .map(Finding::rule).toList();
    }

    @Test
    void eachSyntaxProblemGoesToTheRuleOwningIt() {
        assertEquals(List.of("blank-line", "not-an-object", "unknown-object-type"), rules(RuleConfig.ALL));
    }

    @Test
    void aProblemWhoseRuleIsOffIsReportedByNoOtherRule() {
        assertEquals(List.of("unknown-object-type"),
                rules(new RuleConfig(Set.of(), Set.of("blank-line", "not-an-object"), Map.of())));
    }

    @Test
    void theEngineAndTheReaderNameNoRule() throws IOException {
        for (String folder : List.of("engine", "read")) {
            try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/gongcrm/validator", folder))) {
                for (Path source : sources.toList()) {
                    assertFalse(RULE_IMPORT.matcher(Files.readString(source)).find(),
                            source + " names a rule: let the rule decide from what the engine hands it");
                }
            }
        }
    }
}
