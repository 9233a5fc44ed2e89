package dev.gongcrm.emulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the emulator remembers of each request (its status, its line errors, its arrival) stays off the
 * heap: thousands of uploads, each with the 20 line errors Gong keeps, leave the heap after a full GC
 * where it was, and every request is still answered. Uploads that wait for processing are bounded too.
 */
class RequestMemoryTest {

    private static final int WARM_UP = 200;
    private static final int UPLOADS = 1_500;
    /** Held on the heap, one upload's record with 20 errors took about 6 KB: 1,500 of them over 9 MB. */
    private static final long HEAP_GROWTH_BOUND = 3L << 20;

    /** 20 accounts with an empty name: 20 line errors, each kept in request-status. */
    private static final String TWENTY_ERRORS;

    static {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            lines.append("{\"objectId\": \"a").append(i).append("\", \"modifiedDate\": \"2024-01-02T03:04:05Z\", ")
                    .append("\"name\": \"\", \"domains\": [\"a").append(i).append(".example.com\"]}\n");
        }
        TWENTY_ERRORS = lines.toString();
    }

    @Test
    void thousandsOfFinishedRequestsDoNotGrowTheHeap() throws Exception {
        try (Emulator emulator = Emulator.builder().processingDelay(Duration.ZERO).build().start()) {
            RawHttp gong = new RawHttp(emulator);
            gong.register();
            upload(gong, "warm-up", WARM_UP);
            long before = heapAfterGc();
            upload(gong, "load", UPLOADS);
            long after = heapAfterGc();
            assertTrue(after - before < HEAP_GROWTH_BOUND, () -> UPLOADS + " uploads grew the heap by "
                    + (after - before) / 1024 + " KB after GC, over the bound of " + HEAP_GROWTH_BOUND / 1024 + " KB");

            JsonNode first = gong.awaitFinal("load-0");
            assertEquals("FAILED", first.path("status").asString(), first.toString());
            assertEquals(20, first.path("errors").size(), first.toString());
            assertEquals(20, first.path("totalErrorCount").asInt(), first.toString());
            assertEquals("Mandatory field [name] is missing or empty",
                    first.path("errors").path(0).path("description").asString(), first.toString());
            HttpResponse<String> again = gong.upload("/v2/crm/object/entities?clientRequestId=load-0&" + IDS
                    + "&objectType=ACCOUNT", TWENTY_ERRORS);
            assertEquals(409, again.statusCode(), again.body());
        }
    }

    @Test
    void uploadsPastTheWaitingLimitAreToldToComeBackLater() throws Exception {
        try (Emulator emulator = Emulator.builder().processingDelay(Duration.ofHours(1)).maxWaitingUploads(3)
                .build().start()) {
            RawHttp gong = new RawHttp(emulator);
            gong.register();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> accepted = gong.upload("/v2/crm/object/entities?clientRequestId=w" + i + "&" + IDS
                        + "&objectType=ACCOUNT", TWENTY_ERRORS);
                assertEquals(201, accepted.statusCode(), accepted.body());
            }
            HttpResponse<String> fourth = gong.upload("/v2/crm/object/entities?clientRequestId=w3&" + IDS
                    + "&objectType=ACCOUNT", TWENTY_ERRORS);
            assertEquals(429, fourth.statusCode(), fourth.body());
            assertEquals("1", fourth.headers().firstValue("Retry-After").orElse(null), fourth.headers().toString());
            assertEquals(List.of("ACCOUNT w0", "ACCOUNT w1", "ACCOUNT w2"), emulator.arrivals(),
                    "the refused upload is not taken");
        }
    }

    /** Sends {@code count} uploads, then waits for the last: requests are processed in the order they came. */
    private static void upload(RawHttp gong, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> accepted = gong.upload("/v2/crm/object/entities?clientRequestId=" + prefix + "-" + i
                    + "&" + IDS + "&objectType=ACCOUNT", TWENTY_ERRORS);
            assertEquals(201, accepted.statusCode(), accepted.body());
        }
        gong.awaitFinal(prefix + "-" + (count - 1));
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        // a few rounds: the lowest is the live set, whatever the collector left for later
        for (int round = 0; round < 3; round++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
