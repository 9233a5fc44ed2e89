package dev.gongcrm.benchmarks;

import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code generate DIR [DEAL_MB]} writes a realistic bundle; {@code run DIR [RUNS]} times, in one JVM
 * and alternately, a plain Jackson token pass over every file of the bundle (the physical limit:
 * tokens only, no values read) and a full validation of the same bundle with every rule on, and
 * prints the medians and their ratio.
 */
public final class Benchmarks {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("generate")) {
            long megabytes = args.length > 2 ? Long.parseLong(args[2]) : 200;
            new BundleGenerator().generate(Path.of(args[1]), megabytes * 1_000_000L);
            System.out.println("wrote " + args[1] + " (deal file of " + megabytes + " MB)");
        } else if (args.length >= 2 && args[0].equals("run")) {
            run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else {
            System.err.println("usage: generate DIR [DEAL_MB] | run DIR [RUNS]");
            System.exit(2);
        }
    }

    private static void run(Path bundle, int runs) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(bundle)) {
            files = listing.filter(p -> p.toString().endsWith(".ldjson")).sorted().toList();
        }
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
        System.out.printf("median jackson token pass: %.2f s (%.0f MB/s)%n", jacksonMedian, bytes / 1e6 / jacksonMedian);
        System.out.printf("median gongcrm validation: %.2f s (%.0f MB/s)%n", gongcrmMedian, bytes / 1e6 / gongcrmMedian);
        System.out.printf("ratio gongcrm / jackson: %.2f (target: at most 2.5)%n", gongcrmMedian / jacksonMedian);
    }

    private static ValidationResult validate(Validator validator, Path bundle) throws Exception {
        return validator.validate(List.of(bundle));
    }

    /** Every token of every file, reading no value: what any JSON validator must at least do. */
    private static long tokenPass(List<Path> files) throws IOException {
        long tokens = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file);
                 JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    tokens += token.id();
                }
            }
        }
        return tokens;
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
