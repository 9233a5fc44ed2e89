package dev.gongcrm.validator.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The id map answers as a HashMap would, for any ids and any hashes. */
class IdMapTest {

    private static final List<String> AWKWARD = List.of("", "a", "A", "a ", "é", "e\u0301", "日本", "😀", "\uD83D",
            "\uDE00", "\uD83D\uDE00x", "x".repeat(254), "x".repeat(255), "y".repeat(70_000), "\u0000", "ÿ", "\u07FF",
            "\u0800", "\uFFFF");

    /** Every key its own value back, and a second put returns the first value. */
    private static void behavesAsAMap(IdMap ids, List<String> keys) {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Long previous = expected.put(keys.get(i), (long) i);
            assertEquals(previous == null ? IdMap.ABSENT : previous, ids.put(keys.get(i), i), keys.get(i));
        }
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), ids.get(entry.getKey()), entry.getKey());
        }
        assertEquals(expected.size(), ids.size());
        for (String absent : List.of("never", "x".repeat(256), "\uD83D\uDE01", "日", "é ")) {
            if (!expected.containsKey(absent)) {
                assertEquals(IdMap.ABSENT, ids.get(absent), absent);
            }
        }
    }

    @Test
    void awkwardKeysAreKeptApartAndFoundAgain() {
        behavesAsAMap(new IdMap(), AWKWARD);
    }

    @Test
    void manyKeysThroughSeveralGrowthsAndArenaChunks() {
        Random random = new Random(7);
        List<String> keys = random.ints(300_000, 0, 250_000).mapToObj(n -> "0015g0000" + n + (n % 7 == 0 ? "é" : ""))
                .toList();
        behavesAsAMap(new IdMap(), keys);
    }

    /** Every key has one hash: only the exact comparison of the stored bytes tells them apart. */
    @Test
    void keysOfOneHashAreStillDifferentKeys() {
        behavesAsAMap(new IdMap(key -> 42L), AWKWARD);
        IdMap collided = new IdMap(key -> 0L);
        behavesAsAMap(collided, List.of("account-1", "account-2", "account-1", "account-10", "account-2"));
    }
}
