package dev.gongcrm.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a realistic, valid bundle: stages, business users, accounts, contacts, a deal schema with
 * custom fields, and a DEAL file of a chosen size, sorted by modifiedDate, with a mix of offsets.
 * The same seed gives the same bytes.
 */
public final class BundleGenerator {

    static final int STAGES = 8;
    static final int USERS = 2_000;
    static final int ACCOUNTS = 50_000;
    static final int CONTACTS = 100_000;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String[] OFFSETS = {"Z", "+01:00", "-07:00", "+05:30"};
    private static final String[] INDUSTRIES = {"Software", "Retail", "Finance", "Healthcare", "Energy", "Media"};
    private static final Pattern MODIFIED = Pattern.compile("\"modifiedDate\": \"([^\"]+)\"");
    private static final Pattern AMOUNT = Pattern.compile("\"amount\": (\\d+)");
    private static final String[] NAMES = {"Ava", "Liam", "Zoë", "Noah", "Mia", "Lucas", "Amélie", "Omar", "Chen", "Sofia"};

    private final SplittableRandom random = new SplittableRandom(20261128);
    private long clock = Instant.parse("2021-01-01T00:00:00Z").getEpochSecond();

    /** Writes the bundle into {@code folder} with a deal file of about {@code dealBytes} bytes. */
    public void generate(Path folder, long dealBytes) throws IOException {
        Files.createDirectories(folder);
        write(folder.resolve("stages.ldjson"), STAGES, i -> "{\"objectId\": \"stage-" + i + "\", \"modifiedDate\": \""
                + next() + "\", \"internalName\": \"stage-" + i + "\", \"name\": \"Stage " + i
                + "\", \"isActive\": " + (i != STAGES - 1) + ", \"sortOrder\": " + (i + 1) + "}");
        write(folder.resolve("users.ldjson"), USERS, i -> "{\"objectId\": \"user-" + i + "\", \"modifiedDate\": \""
                + next() + "\", \"emailAddress\": \"user" + i + "@example.com\"}");
        write(folder.resolve("accounts.ldjson"), ACCOUNTS, i -> "{\"objectId\": \"acc-" + i + "\", \"modifiedDate\": \""
                + next() + "\", \"url\": \"https://crm.example.com/accounts/" + i + "\", \"name\": \"Account " + i
                + "\", \"domains\": [\"account" + i + ".com\", \"account" + i + ".io\"]}");
        write(folder.resolve("contacts.ldjson"), CONTACTS, i -> "{\"objectId\": \"con-" + i + "\", \"modifiedDate\": \""
                + next() + "\", \"accountId\": \"acc-" + random.nextInt(ACCOUNTS) + "\", \"emailAddress\": \"contact"
                + i + "@example.com\", \"firstName\": \"" + pick(NAMES) + "\", \"lastName\": \"Contact " + i
                + "\", \"title\": \"VP Special Effects\", \"phoneNumber\": \"+1405576" + (1000 + i % 9000) + "\"}");
        Files.writeString(folder.resolve("deal.schema.json"), """
                [{"uniqueName": "probability", "label": "Probability", "type": "PERCENT", "lastModified": "2021-01-01T00:00:00Z"},
                 {"uniqueName": "industry", "label": "Industry", "type": "PICKLIST", "orderedValueList": ["Software", "Retail", "Finance", "Healthcare", "Energy", "Media"], "lastModified": "2021-01-01T00:00:00Z"},
                 {"uniqueName": "nextStepDate", "label": "Next step", "type": "DATE", "lastModified": "2021-01-01T00:00:00Z"},
                 {"uniqueName": "lastActivity", "label": "Last activity", "type": "DATETIME", "lastModified": "2021-01-01T00:00:00Z"},
                 {"uniqueName": "champion", "label": "Champion", "type": "REFERENCE", "referenceTo": "USER", "lastModified": "2021-01-01T00:00:00Z"},
                 {"uniqueName": "seats", "label": "Seats", "type": "NUMBER", "lastModified": "2021-01-01T00:00:00Z"},
                 {"uniqueName": "notes", "label": "Notes", "type": "STRING", "lastModified": "2021-01-01T00:00:00Z"}]
                """, StandardCharsets.UTF_8);
        writeDeals(folder.resolve("deals.ldjson"), dealBytes);
    }

    private void writeDeals(Path file, long targetBytes) throws IOException {
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; written < targetBytes; i++) {
                LocalDate close = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(900));
                boolean open = random.nextInt(3) > 0;
                String line = "{\"objectId\": \"deal-" + i + "\", \"modifiedDate\": \"" + next()
                        + "\", \"url\": \"https://crm.example.com/deals/" + i + "\", \"accountId\": \"acc-"
                        + random.nextInt(ACCOUNTS) + "\", \"ownerId\": \"user-" + random.nextInt(USERS)
                        + "\", \"name\": \"" + pick(INDUSTRIES) + " deal " + i + " – " + pick(NAMES)
                        + "\", \"createdDate\": \"" + datetime(clock - 86_400L * 30) + "\", \"closeDate\": \"" + close
                        + "\", \"isOpen\": " + open + ", \"isWon\": " + (!open && random.nextBoolean())
                        + ", \"stage\": \"stage-" + random.nextInt(STAGES - 1) + "\", \"amount\": "
                        + (1000 + random.nextInt(250_000)) + ", \"probability\": " + random.nextInt(101)
                        + ", \"industry\": \"" + pick(INDUSTRIES) + "\", \"nextStepDate\": \"" + close.minusDays(7)
                        + "\", \"lastActivity\": \"" + datetime(clock - 3600) + "\", \"champion\": \"user-"
                        + random.nextInt(USERS) + "\", \"seats\": " + (5 + random.nextInt(500))
                        + ", \"notes\": \"Discussed pricing and rollout plan; follow up with procurement next week.\"}\n";
                out.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
            }
        }
    }

    private interface Line {
        String make(int index);
    }

    private static void write(Path file, int count, Line line) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write(line.make(i));
                out.write('\n');
            }
        }
    }

    /** The next modifiedDate: never earlier than the last one, written with a random offset. */
    private String next() {
        clock += random.nextInt(3);
        return datetime(clock);
    }

    private String datetime(long epochSecond) {
        ZoneOffset offset = ZoneOffset.of(OFFSETS[random.nextInt(OFFSETS.length)]);
        return DATETIME.format(Instant.ofEpochSecond(epochSecond).atOffset(offset));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Changes {@code percent} of the deals of {@code folder/deals.ldjson} as a CRM export would show them
     * the next day: every (100 / percent)-th deal gets a new amount (its own plus {@code step}) and a
     * modifiedDate after the file's last one, and moves to the end (the file stays sorted by
     * modifiedDate, and valid). Which deals, and how, depends only on the file and the step: another
     * step is another day's change of the same deals.
     *
     * @return the number of deals changed
     */
    public static int mutateDeals(Path folder, double percent, long step) throws IOException {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("the percentage must be over 0 and at most 100: " + percent);
        }
        long every = Math.max(1, Math.round(100 / percent));
        Path deals = folder.resolve("deals.ldjson");
        Path temp = folder.resolve("deals.ldjson.mutating");
        List<String> changed = new ArrayList<>();
        String last = null;
        long index = 0;
        try (BufferedReader in = Files.newBufferedReader(deals, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                last = line;
                if (++index % every == 0) {
                    Matcher amount = AMOUNT.matcher(line);
                    if (!amount.find()) {
                        throw new IOException("deal " + index + " has no amount: " + line);
                    }
                    long value = Long.parseLong(amount.group(1));
                    changed.add(line.substring(0, amount.start(1)) + (value + step) + line.substring(amount.end(1)));
                } else {
                    out.write(line);
                    out.write('\n');
                }
            }
            Matcher modified = last == null ? null : MODIFIED.matcher(last);
            if (modified == null || !modified.find()) {
                throw new IOException(deals + " has no deal with a modifiedDate");
            }
            long clock = OffsetDateTime.parse(modified.group(1)).toEpochSecond();
            for (String line : changed) {
                String date = DATETIME.format(Instant.ofEpochSecond(++clock).atOffset(ZoneOffset.UTC));
                out.write(MODIFIED.matcher(line).replaceFirst(Matcher.quoteReplacement("\"modifiedDate\": \"" + date + "\"")));
                out.write('\n');
            }
        }
        Files.move(temp, deals, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return changed.size();
    }
}
