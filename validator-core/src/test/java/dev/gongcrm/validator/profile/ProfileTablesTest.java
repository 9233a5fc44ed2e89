package dev.gongcrm.validator.profile;

import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.ProfileTable;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each profile's profile.json loads and names only rules of the catalog (a misspelt name would be silently unused). */
class ProfileTablesTest {

    @Test
    void everyRuleAProfileTableNamesIsInTheCatalog() {
        Set<String> catalog = RuleCatalog.all().stream().map(RuleMeta::name).collect(Collectors.toSet());
        for (String profile : ProfileSchemas.PROFILES) {
            ProfileTable table = ProfileSchemas.of(profile).table();
            assertEquals(profile, table.name());
            assertTrue(!table.description().isBlank(), profile);
            Set<String> named = new HashSet<>(table.severities().keySet());
            named.addAll(table.advice().keySet());
            named.removeAll(catalog);
            assertEquals(Set.of(), named, profile + " names rules the catalog does not have");
        }
    }
}
