package dev.gongcrm.validator.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The id map answers as a HashMap would, for any ids and any hashes. */
class IdMapTest {

    @TempDir
    Path spill;

    private static final List<String> AWKWARD = List.of("", "a", "A", "a ", "é", "e\u0301", "日本", "😀", "\uD83D",
            "\uDE00", "\uD83D\uDE00x", "x".repeat(254), "x".repeat(255), "y".repeat(70_000), "\u0000", "ÿ", "\u07FF",
            "\u0800", "\uFFFF");

    /** Two megabytes of keys on the heap, then the temporary file. */
    private static HeapAllowance smallAllowance() {
        return new HeapAllowance(2 << 20);
    }

    /** Every key its own value back, and a second put returns the first value. */
    private static void behavesAsAMap(IdMap ids, List<String> keys) {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Long previous = expected.put(keys.get(i), (long) i);
            assertEquals(previous == null ? IdMap.ABSENT : previous, ids.put(keys.get(i), i), keys.get(i));
        }
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), ids.get(entry.getKey()), entry.getKey());
            assertEquals(entry.getValue(), getInLine(ids, entry.getKey()), entry.getKey());
        }
        assertEquals(expected.size(), ids.size());
        for (String absent : List.of("never", "x".repeat(256), "\uD83D\uDE01", "日", "é ")) {
            if (!expected.containsKey(absent)) {
                assertEquals(IdMap.ABSENT, ids.get(absent), absent);
                assertEquals(IdMap.ABSENT, getInLine(ids, absent), absent);
            }
        }
    }

    /** The key looked up as it lies between other bytes of a line: a reference read in place. */
    private static long getInLine(IdMap ids, String key) {
        byte[] bytes = RecordArena.encode(key);
        byte[] line = new byte[bytes.length + 20];
        Arrays.fill(line, (byte) '"');
        System.arraycopy(bytes, 0, line, 9, bytes.length);
        return ids.get(line, 9, bytes.length);
    }

    @Test
    void awkwardKeysAreKeptApartAndFoundAgain() {
        behavesAsAMap(new IdMap(spill, smallAllowance()), AWKWARD);
    }

    /** Past the heap's two megabytes, into the temporary file, which is gone once the map is closed. */
    @Test
    void manyKeysThroughSeveralGrowthsAndIntoTheTemporaryFile() throws IOException {
        Random random = new Random(7);
        List<String> keys = random.ints(300_000, 0, 250_000).mapToObj(n -> "0015g0000" + n + (n % 7 == 0 ? "é" : ""))
                .toList();
        try (IdMap ids = new IdMap(spill, smallAllowance())) {
            behavesAsAMap(ids, keys);
            assertTrue(ids.heapBytes() <= 22L * ids.size() + (2 << 20), "heap " + ids.heapBytes());
            assertTrue(mappedFromTheSpillFolder(), "past two megabytes, the keys are in a temporary file");
            try (var listed = Files.list(spill)) {
                assertEquals(0, listed.count(), "the temporary file is deleted as soon as it is open");
            }
        }
        assertFalse(mappedFromTheSpillFolder(), "closed, the temporary file is unmapped at once");
        try (var left = Files.list(spill)) {
            assertEquals(0, left.count(), "temporary files left");
        }
    }

    /** When a reader may still be running (workers that did not stop), closing leaves the regions mapped. */
    @Test
    void regionsAReaderMayStillUseStayMapped() throws IOException {
        HeapAllowance allowance = smallAllowance();
        try (IdMap ids = new IdMap(spill, allowance)) {
            behavesAsAMap(ids, new Random(4).ints(300_000, 0, 250_000).mapToObj(n -> "acc-" + n).toList());
            assertTrue(mappedFromTheSpillFolder(), "past the allowance");
            allowance.keepMappedRegions();
        }
        assertTrue(mappedFromTheSpillFolder(), "left to the garbage collector");
    }

    /** A closed map gives its heap back: the next map of the run keeps its keys on the heap again. */
    @Test
    void aClosedMapGivesItsHeapBack() throws IOException {
        HeapAllowance allowance = new HeapAllowance(1 << 20);
        try (IdMap first = new IdMap(spill, allowance)) {
            behavesAsAMap(first, new Random(1).ints(100_000, 0, 90_000).mapToObj(n -> "acc-" + n).toList());
            assertTrue(mappedFromTheSpillFolder(), "past the allowance");
        }
        try (IdMap second = new IdMap(spill, allowance)) {
            behavesAsAMap(second, new Random(2).ints(10_000, 0, 9_000).mapToObj(n -> "deal-" + n).toList());
            assertFalse(mappedFromTheSpillFolder(), "within the allowance given back");
        }
    }

    /** Whether this process maps a file of the spill folder (Linux shows it, deleted, in /proc/self/maps). */
    private boolean mappedFromTheSpillFolder() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "no /proc/self/maps to see the mapping in");
        return Files.readAllLines(maps).stream().anyMatch(line -> line.contains(spill + "/gongcrm-ids-"));
    }

    /** Where no temporary file can be made, the keys stay on the heap and the answers are the same. */
    @Test
    void withoutATemporaryFileTheKeysStayOnTheHeap() throws IOException {
        List<String> keys = new Random(3).ints(200_000, 0, 150_000).mapToObj(n -> "deal-" + n).toList();
        try (IdMap ids = new IdMap(spill.resolve("missing folder"), smallAllowance())) {
            behavesAsAMap(ids, keys);
            assertFalse(mappedFromTheSpillFolder());
            assertTrue(RecordArena.refusal().orElseThrow().startsWith("the ids could not go to a temporary file in "
                    + spill.resolve("missing folder") + " ("), "said when the heap runs out");
        }
    }

    /** Every key has one hash: only the exact comparison of the stored bytes tells them apart. */
    @Test
    void keysOfOneHashAreStillDifferentKeys() {
        behavesAsAMap(new IdMap(spill, smallAllowance(), (key, from, length) -> 42L), AWKWARD);
        IdMap collided = new IdMap(spill, smallAllowance(), (key, from, length) -> 0L);
        behavesAsAMap(collided, List.of("account-1", "account-2", "account-1", "account-10", "account-2"));
    }

    /** One hash for keys on the heap and in the temporary file alike. */
    @Test
    void keysOfOneHashInTheTemporaryFile() throws IOException {
        String padding = "p".repeat(1_000);
        List<String> keys = new Random(5).ints(6_000, 0, 4_000).mapToObj(n -> n + padding).toList();
        try (IdMap ids = new IdMap(spill, smallAllowance(), (key, from, length) -> 42L)) {
            behavesAsAMap(ids, keys);
            assertTrue(mappedFromTheSpillFolder(), "past two megabytes, the keys are in a temporary file");
        }
    }
}
