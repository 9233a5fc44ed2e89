package dev.gongcrm.validator.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClosingTest {

    @Test
    void everythingIsClosedAndTheFirstFailureThrownWithTheOthersSuppressed() {
        List<String> closed = new ArrayList<>();
        IOException thrown = assertThrows(IOException.class, () -> Closing.all(List.<AutoCloseable>of(
                () -> closed.add("a"),
                () -> {
                    closed.add("b");
                    throw new IOException("b failed");
                },
                () -> {
                    closed.add("c");
                    throw new IllegalStateException("c failed");
                },
                () -> closed.add("d"))));
        assertEquals(List.of("a", "b", "c", "d"), closed);
        assertEquals("b failed", thrown.getMessage());
        assertEquals("c failed", thrown.getSuppressed()[0].getMessage());
    }
}
