package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Holders of unique values come back whole from their bytes, on the heap or in the temporary file. */
class UniqueValuesTest {

    private static final TypeSpec USERS = ProfileSchemas.of(ProfileSchemas.DEFAULT_PROFILE).type(ObjectType.BUSINESS_USER);

    @TempDir
    Path spill;

    @Test
    void theFirstHolderOfEachOfManyValuesIsFoundWithItsFileLineAndId() throws IOException {
        // no heap allowance: every value and holder is in the temporary file
        try (UniqueValues values = new UniqueValues(spill, new HeapAllowance(0))) {
            values.heldEarlier(USERS, "emailAddress", "Old@Example.com", "u-old\uD83D");
            for (int i = 0; i < 100_000; i++) {
                assertNull(values.claim(USERS, "emailAddress", "user" + i + "@example.com", "users-" + i % 2 + ".ldjson",
                        i + 1, i % 10 == 0 ? null : "u-" + i + "-é"));
            }
            assertEquals(new FirstHolder("user77@example.com", "users-1.ldjson", 78, "u-77-é"),
                    values.claim(USERS, "emailAddress", "USER77@example.com", "users-2.ldjson", 1, "another"),
                    "emailAddress ignores case");
            assertEquals(new FirstHolder("user70@example.com", "users-0.ldjson", 71, null),
                    values.claim(USERS, "emailAddress", "user70@example.com", "users-2.ldjson", 2, "another"));
            assertNull(values.claim(USERS, "emailAddress", "user5@example.com", "users-2.ldjson", 3, "u-5-é"),
                    "the same object again holds its own value");
            assertEquals(FirstHolder.earlierPush("Old@Example.com", "u-old\uD83D"),
                    values.claim(USERS, "emailAddress", "old@example.com", "users-2.ldjson", 4, "new"));
            assertNull(values.claim(USERS, "emailAddress", "old@example.com", "users-2.ldjson", 5, "new"),
                    "the bundle's first holder, which is this object, comes before the earlier push's");
        }
    }
}
