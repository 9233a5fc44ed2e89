package dev.gongcrm.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The on-disk record of requests: one per clientRequestId, its progress, and forgetting an integration's. */
class RequestStoreTest {

    @TempDir
    Path folder;

    @Test
    void aRequestGoesFromPendingToItsOutcome() {
        try (RequestStore store = new RequestStore(folder.resolve("requests.db"))) {
            assertTrue(store.add(new CrmState.Request("up-1", "r1", 7)));
            assertFalse(store.add(new CrmState.Request("up-1", "r2", 7)), "a clientRequestId is taken once");
            assertEquals("r1", store.status("up-1").requestId(), "the second add changed nothing");
            assertEquals("PENDING", store.status("up-1").status());
            assertNull(store.status("up-1").totalErrorCount());

            store.start("up-1");
            assertEquals("IN_PROGRESS", store.status("up-1").status());
            store.finish("up-1", "FAILED", List.of(Map.of("line", 2, "description", "Field [name] is missing")), 1, 4);
            store.start("up-1");
            RequestStore.Status failed = store.status("up-1");
            assertEquals("FAILED", failed.status(), "a late start does not take the outcome back");
            assertEquals(2, failed.errors().path(0).path("line").asInt());
            assertEquals("Field [name] is missing", failed.errors().path(0).path("description").asString());
            assertEquals(1, failed.totalErrorCount());
            assertEquals(4, failed.totalSuccessCount());
            assertNull(store.status("other"));
        }
    }

    @Test
    void forgettingAnIntegrationKeepsTheOneNamedAndOtherIntegrations() {
        try (RequestStore store = new RequestStore(folder.resolve("requests.db"))) {
            store.add(new CrmState.Request("up-1", "r1", 7));
            store.add(new CrmState.Request("delete-7", "r2", 7));
            store.add(new CrmState.Request("up-2", "r3", 8));

            assertEquals(1, store.deleteOfIntegration(7, "delete-7"));
            assertFalse(store.contains("up-1"));
            assertTrue(store.contains("delete-7"));
            assertTrue(store.contains("up-2"));
            store.finish("up-1", "DONE", List.of(), 0, 1);
            assertNull(store.status("up-1"), "an upload finished after its integration went stays forgotten");
            assertTrue(store.add(new CrmState.Request("up-1", "r4", 7)), "its clientRequestId is free again");
            assertEquals(2, store.deleteOfIntegration(7, null));
        }
    }

    @Test
    void arrivalsComeBackInOrder() {
        try (RequestStore store = new RequestStore(folder.resolve("requests.db"))) {
            store.arrived("schema DEAL");
            store.arrived("DEAL deals-1");
            store.arrived("ACCOUNT a-1");
            assertEquals(List.of("schema DEAL", "DEAL deals-1", "ACCOUNT a-1"), store.arrivals());
        }
    }
}
