package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Bundles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The way out an unknown field is offered depends on whether its type can have custom fields at all. */
class UnknownFieldTest {

    @Test
    void aTypeWithCustomFieldsIsToldToDefineItAndOneWithoutToDropIt() {
        String deal = Bundles.findings("--- accounts.ldjson\n{\"objectId\": \"a\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"name\": \"A\", \"domains\": [\"a.com\"], \"tier\": \"gold\"}\n", "unknown-field").get(0).message();
        assertTrue(deal.endsWith("define it in account.schema.json or drop it"), deal);
        String stage = Bundles.findings("--- stages.ldjson\n{\"objectId\": \"s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"internalName\": \"s\", \"name\": \"S\", \"isActive\": true, \"sortOrder\": 1, \"color\": \"red\"}\n",
                "unknown-field").get(0).message();
        assertTrue(stage.endsWith("drop it (STAGE takes no custom fields)"), stage);
    }
}
