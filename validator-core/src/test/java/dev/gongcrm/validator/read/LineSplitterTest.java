package dev.gongcrm.validator.read;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The search for line ends, eight bytes at a time, finds what a byte-by-byte search finds. */
class LineSplitterTest {

    private static int byteByByte(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyLineEndIsFoundWhereverItFallsInAWord() {
        // the bytes next to a line end in value: a borrow or a carry between them must not fake or hide one
        byte[] neighbours = {'\n', 0x0B, 0x09, (byte) 0x89, (byte) 0x8A, 0x00, (byte) 0xFF, 0x01, 'a'};
        Random random = new Random(20);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? neighbours[random.nextInt(neighbours.length)] : (byte) random.nextInt();
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            assertEquals(byteByByte(bytes, from, to), LineSplitter.indexOf(bytes, from, to),
                    () -> java.util.Arrays.toString(bytes) + " from " + from + " to " + to);
        }
    }

    @Test
    void aLineEndAtEachPlaceOfALongRunIsFound() {
        for (int at = 0; at < 64; at++) {
            byte[] bytes = new byte[64];
            java.util.Arrays.fill(bytes, (byte) 0x0B);
            bytes[at] = '\n';
            assertEquals(at, LineSplitter.indexOf(bytes, 0, bytes.length));
            assertEquals(at >= 3 ? at : -1, LineSplitter.indexOf(bytes, 3, bytes.length));
            assertEquals(at < 60 ? at : -1, LineSplitter.indexOf(bytes, 0, 60));
        }
    }
}
