package dev.gongcrm.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a valid bundle of a large CRM: half the objects accounts, half deals, each deal naming an account
 * of the bundle, a user and a stage; ids like Salesforce's (18 characters); files cut before 150 MB, as a
 * sync under Gong's 200 MB limit would. For how much heap the id index needs per object. The same count
 * gives the same bytes.
 */
final class ScaleGenerator {

    private static final long FILE_LIMIT = 150_000_000L;
    private static final int USERS = 500;
    private static final int STAGES = 6;

    private final SplittableRandom random = new SplittableRandom(20261206);
    private final long start = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();

    void generate(Path folder, long objects) throws IOException {
        Files.createDirectories(folder);
        long accounts = objects / 2;
        long deals = objects - accounts;
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("stages.ldjson"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < STAGES; i++) {
                out.write("{\"objectId\":\"stage-" + i + "\",\"modifiedDate\":\"2021-12-01T00:00:00Z\",\"internalName\":"
                        + "\"stage-" + i + "\",\"name\":\"Stage " + i + "\",\"isActive\":true,\"sortOrder\":" + (i + 1)
                        + "}\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("users.ldjson"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < USERS; i++) {
                out.write("{\"objectId\":\"005" + id(i) + "\",\"modifiedDate\":\"2021-12-01T00:00:00Z\","
                        + "\"emailAddress\":\"user" + i + "@example.com\"}\n");
            }
        }
        new Parts(folder, "accounts").write(accounts, i -> "{\"objectId\":\"001" + id(i) + "\",\"modifiedDate\":\""
                + Instant.ofEpochSecond(start + i) + "\",\"name\":\"Account " + i + "\",\"url\":"
                + "\"https://crm.example.com/accounts/" + i + "\",\"domains\":[\"a" + i + ".example.com\"]}\n");
        new Parts(folder, "deals").write(deals, i -> "{\"objectId\":\"006" + id(i) + "\",\"modifiedDate\":\""
                + Instant.ofEpochSecond(start + i) + "\",\"name\":\"Deal " + i + "\",\"url\":\"https://crm.example.com/deals/"
                + i + "\",\"accountId\":\"001" + id(random.nextLong(accounts)) + "\",\"ownerId\":\"005"
                + id(random.nextInt(USERS)) + "\",\"stage\":\"stage-" + random.nextInt(STAGES) + "\",\"amount\":"
                + (1000 + random.nextInt(250_000)) + ",\"closeDate\":\"2023-06-30\",\"isOpen\":true,\"isWon\":false,"
                + "\"createdDate\":\"2021-12-01T00:00:00Z\"}\n");
    }

    /** 15 characters after a 3-character prefix: the 18 of a Salesforce id. */
    private static String id(long n) {
        String digits = Long.toString(n, 36).toUpperCase();
        return "0".repeat(15 - digits.length()) + digits;
    }

    private interface Line {
        String make(long index);
    }

    /** Files named name-1.ldjson, name-2.ldjson...: a new one before the current passes the limit. */
    private record Parts(Path folder, String name) {

        void write(long count, Line line) throws IOException {
            int part = 0;
            long written = FILE_LIMIT;
            BufferedWriter out = null;
            try {
                for (long i = 0; i < count; i++) {
                    String text = line.make(i);
                    if (written + text.length() > FILE_LIMIT) {
                        if (out != null) {
                            out.close();
                        }
                        out = Files.newBufferedWriter(folder.resolve(name + "-" + ++part + ".ldjson"),
                                StandardCharsets.UTF_8);
                        written = 0;
                    }
                    out.write(text);
                    written += text.length();
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        }
    }
}
