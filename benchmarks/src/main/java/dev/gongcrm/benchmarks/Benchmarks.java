package dev.gongcrm.benchmarks;

import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's Java side; {@code benchmarks/run.sh} drives it.
 * <ul>
 * <li>{@code generate DIR [DEAL_MB]} writes a realistic, valid bundle (same seed, same bytes);</li>
 * <li>{@code mutate DIR [PERCENT [STEP]]} changes that percentage of its deals (default 1) as the next
 * day's export would show them (their amounts up by STEP, default 1), for the sync benchmark
 * ({@code benchmarks/sync.sh});</li>
 * <li>{@code tokens DIR} is "the limit for a JVM tool": a plain Jackson token pass over every
 * {@code .ldjson} file of the bundle on every core, reading no value; run as its own process and timed
 * from outside, next to the whole {@code ./gongcrm validate};</li>
 * <li>{@code run DIR [RUNS]} times, in one warm JVM and alternately, a one-thread token pass and a full
 * validation of the bundle (the secondary, in-process figure);</li>
 * <li>{@code compilations FILE} summarises {@code -XX:+PrintCompilation} output: which methods of
 * {@code dev.gongcrm} and {@code tools.jackson.core} C2 compiled more than once.</li>
 * </ul>
 */
public final class Benchmarks {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Files smaller than this many bytes per range are split into fewer ranges (tiny files: one). */
    private static final long MIN_RANGE_BYTES = 1 << 20;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("generate")) {
            long megabytes = args.length > 2 ? Long.parseLong(args[2]) : 200;
            new BundleGenerator().generate(Path.of(args[1]), megabytes * 1_000_000L);
            System.out.println("wrote " + args[1] + " (deal file of " + megabytes + " MB)");
        } else if (args.length == 3 && args[0].equals("scale")) {
            long objects = Long.parseLong(args[2]);
            new ScaleGenerator().generate(Path.of(args[1]), objects);
            System.out.printf("wrote %s (%,d objects: half accounts, half deals)%n", args[1], objects);
        } else if (args.length >= 2 && args.length <= 4 && args[0].equals("mutate")) {
            double percent = args.length > 2 ? Double.parseDouble(args[2]) : 1;
            long step = args.length > 3 ? Long.parseLong(args[3]) : 1;
            int changed = BundleGenerator.mutateDeals(Path.of(args[1]), percent, step);
            System.out.printf("changed %,d deals (%s%%) of %s/deals.ldjson: new amount and modifiedDate, moved to the end%n",
                    changed, args.length > 2 ? args[2] : "1", args[1]);
        } else if (args.length >= 2 && args[0].equals("run")) {
            run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else if (args.length == 2 && args[0].equals("tokens")) {
            tokens(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("compilations")) {
            compilations(Path.of(args[1]));
        } else {
            System.err.println("usage: generate DIR [DEAL_MB] | scale DIR OBJECTS | mutate DIR [PERCENT [STEP]] | run DIR [RUNS] | tokens DIR | compilations FILE");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // run: the warm, in-process figure

    private static void run(Path bundle, int runs) throws Exception {
        List<Path> files = ldjsonFiles(bundle);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        Validator validator = Validator.builder().build();
        tokenPass(files);
        validate(validator, bundle);
        List<Long> jackson = new ArrayList<>();
        List<Long> gongcrm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long tokens = tokenPass(files);
            jackson.add(System.nanoTime() - start);
            start = System.nanoTime();
            ValidationResult result = validate(validator, bundle);
            gongcrm.add(System.nanoTime() - start);
            System.out.printf("run %d: jackson %.2f s (%,d tokens), gongcrm %.2f s (%,d objects, %d findings)%n", i + 1,
                    seconds(jackson.get(i)), tokens, seconds(gongcrm.get(i)), result.objects(), result.total());
        }
        double jacksonMedian = seconds(median(jackson));
        double gongcrmMedian = seconds(median(gongcrm));
        System.out.printf("bundle: %,d bytes of LDJSON in %d files%n", bytes, files.size());
        System.out.printf("median jackson token pass (1 thread): %.2f s (%.0f MB/s)%n", jacksonMedian, bytes / 1e6 / jacksonMedian);
        System.out.printf("median gongcrm validation: %.2f s (%.0f MB/s)%n", gongcrmMedian, bytes / 1e6 / gongcrmMedian);
        System.out.printf("ratio gongcrm / jackson: %.2f (target: at most 2.5)%n", gongcrmMedian / jacksonMedian);
    }

    private static ValidationResult validate(Validator validator, Path bundle) throws Exception {
        return validator.validate(List.of(bundle));
    }

    /** Every token of every file on this thread, reading no value. */
    private static long tokenPass(List<Path> files) throws IOException {
        long tokens = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                tokens += countTokens(in);
            }
        }
        return tokens;
    }

    // ---------------------------------------------------------------------------------------------
    // tokens: the parallel token pass, the limit for a JVM tool

    /** A byte range of a file that starts at a line start and ends at one (or at the end of the file). */
    private record Range(FileChannel channel, long start, long end) {
        long length() {
            return end - start;
        }
    }

    /**
     * Splits every file into ranges aligned to line starts, one per available processor, and counts the
     * tokens of every range with its own parser: one parser reads any number of root-level values in
     * sequence, so a range of whole LDJSON lines is a valid input. Largest ranges go first so that the
     * threads finish together.
     */
    private static void tokens(Path bundle) throws Exception {
        long started = System.nanoTime();
        List<Path> files = ldjsonFiles(bundle);
        int threads = Runtime.getRuntime().availableProcessors();
        List<FileChannel> channels = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        long bytes = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Path file : files) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channels.add(channel);
                bytes += channel.size();
                ranges.addAll(split(channel, threads));
            }
            ranges.sort(Comparator.comparingLong(Range::length).reversed());
            List<Future<Long>> counts = new ArrayList<>();
            for (Range range : ranges) {
                counts.add(pool.submit(() -> countTokens(new RangeInputStream(range))));
            }
            long tokens = 0;
            for (Future<Long> count : counts) {
                tokens += count.get();
            }
            System.out.printf("jackson token pass: %,d tokens in %,d bytes of %d files, %d ranges on %d threads, %.2f s in main%n",
                    tokens, bytes, files.size(), ranges.size(), threads, seconds(System.nanoTime() - started));
        } finally {
            pool.shutdown();
            for (FileChannel channel : channels) {
                channel.close();
            }
        }
    }

    /** At most {@code parts} ranges covering the file, each starting at a line start. */
    private static List<Range> split(FileChannel channel, int parts) throws IOException {
        long size = channel.size();
        int n = (int) Math.max(1, Math.min(parts, size / MIN_RANGE_BYTES));
        List<Range> ranges = new ArrayList<>();
        long start = 0;
        for (int i = 1; i <= n && start < size; i++) {
            long end = i == n ? size : Math.max(start, lineStartAtOrAfter(channel, size * i / n));
            if (end > start) {
                ranges.add(new Range(channel, start, end));
                start = end;
            }
        }
        return ranges;
    }

    /** The first position at or after {@code position} that follows a newline (or the size of the file). */
    private static long lineStartAtOrAfter(FileChannel channel, long position) throws IOException {
        if (position == 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long at = position - 1; // a range may start right after a newline at position - 1
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, at);
            if (read <= 0) {
                return channel.size();
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += read;
        }
    }

    /** Reads one range of a shared channel with positional reads (no shared position, so thread-safe). */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        RangeInputStream(Range range) {
            this.channel = range.channel();
            this.position = range.start();
            this.end = range.end();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int read = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, end - position)), position);
            if (read < 0) {
                return -1;
            }
            position += read;
            return read;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** Every token of a stream of root-level JSON values, reading no value: what any JSON validator must do. */
    private static long countTokens(InputStream in) throws IOException {
        long tokens = 0;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    // ---------------------------------------------------------------------------------------------
    // compilations: C2 churn from -XX:+PrintCompilation

    /**
     * A line of {@code -XX:+PrintCompilation} on JDK 17 ({@code CompileTask::print}): time stamp in ms,
     * compile id, five attribute columns ({@code %} on-stack replacement, {@code s} synchronized,
     * {@code !} has handlers, {@code b} blocking, {@code n} native), tier (0-4), the method as
     * {@code pkg.Class::name}, {@code @ bci} for OSR, {@code (N bytes)} or {@code (native)}, then an
     * optional event: {@code made not entrant}, {@code made zombie}, {@code COMPILE SKIPPED: ...}.
     * Matched loosely (any spacing, any attribute set) because the VM and the program share stdout,
     * so a line may be cut by the program's own output; lines that do not match are ignored.
     */
    private static final Pattern COMPILATION = Pattern.compile(
            "^\\s*\\d+\\s+\\d+\\s+([%sbn!\\s]*?)\\s*([0-4])\\s+(\\S+::\\S+)(?:\\s+@\\s+\\d+)?\\s+\\((?:\\d+ bytes|native)\\)\\s*(.*)$");

    private static final List<String> PACKAGES = List.of("dev.gongcrm.", "tools.jackson.core.");

    private static void compilations(Path log) throws IOException {
        int recognised = 0;
        Map<String, Integer> c2 = new TreeMap<>();
        Map<String, Integer> notEntrant = new TreeMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher m = COMPILATION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            recognised++;
            String method = m.group(3);
            if (!m.group(2).equals("4") || PACKAGES.stream().noneMatch(method::startsWith)) {
                continue;
            }
            String name = shortName(method) + (m.group(1).contains("%") ? " (OSR)" : "");
            String event = m.group(4).trim();
            if (event.isEmpty()) {
                c2.merge(name, 1, Integer::sum);
            } else if (event.startsWith("made not entrant")) {
                notEntrant.merge(name, 1, Integer::sum);
            }
        }
        if (recognised == 0) {
            System.out.println("no -XX:+PrintCompilation line recognised in " + log);
            return;
        }
        List<Map.Entry<String, Integer>> again = c2.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        System.out.printf("C2 (tier 4) compiled %d methods of dev.gongcrm and tools.jackson.core, %d once; more than once: %s%n",
                c2.size(), c2.size() - again.size(), again.isEmpty() ? "none" : list(again, 12));
        int total = notEntrant.values().stream().mapToInt(Integer::intValue).sum();
        List<Map.Entry<String, Integer>> dropped = notEntrant.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        System.out.printf("C2 code of those packages made not entrant %d times (%d methods)%s%n", total, notEntrant.size(),
                dropped.isEmpty() ? "" : ": " + list(dropped, 12));
    }

    /** {@code a.b.Outer$Inner::name} as {@code Outer$Inner.name}; lambda class names lose their address. */
    private static String shortName(String method) {
        int colons = method.indexOf("::");
        String type = method.substring(0, colons).replaceAll("\\$\\$Lambda\\$\\d+/0x[0-9a-fA-F]+", "\\$\\$Lambda");
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.substring(colons + 2);
    }

    private static String list(List<Map.Entry<String, Integer>> entries, int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(limit, entries.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(entries.get(i).getKey()).append(" x").append(entries.get(i).getValue());
        }
        if (entries.size() > limit) {
            text.append(", and ").append(entries.size() - limit).append(" more");
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------

    private static List<Path> ldjsonFiles(Path bundle) throws IOException {
        try (Stream<Path> listing = Files.list(bundle)) {
            return listing.filter(p -> p.toString().endsWith(".ldjson")).sorted().toList();
        }
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
