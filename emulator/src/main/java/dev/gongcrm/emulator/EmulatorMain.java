package dev.gongcrm.emulator;

import dev.gongcrm.validator.time.Durations;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar gongcrm-emulator.jar [--port N] [--access-key K --secret S] [--delay DURATION]}. */
public final class EmulatorMain {

    static final String USAGE = "usage: java -jar gongcrm-emulator.jar [--port N] [--access-key K --secret S] "
            + "[--bearer-token T] [--delay DURATION]\nA local Gong CRM API on 127.0.0.1 for tests and dry runs; "
            + "--delay (default 1s; e.g. 0s, 250ms) is how long an upload stays PENDING, then IN_PROGRESS.";

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("--port", "--access-key", "--secret",
            "--bearer-token", "--delay");

    private EmulatorMain() {
    }

    /** What the command line asks for: the emulator to start and the credentials it accepts, or only the usage. */
    record Start(Emulator.Builder builder, String key, String secret, boolean usage) {
    }

    /** @throws IllegalArgumentException saying what is wrong with the command line */
    static Start parse(String[] args) {
        // what it refuses, and why, goes to stderr: a client under test sees its mistakes
        Emulator.Builder builder = Emulator.builder().log(line -> System.err.println("gongcrm-emulator: " + line));
        String key = Emulator.DEFAULT_CREDENTIAL;
        String secret = Emulator.DEFAULT_CREDENTIAL;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new Start(builder, key, secret, true);
            }
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option + " (see --help)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(number(option, value));
                case "--access-key" -> key = value;
                case "--secret" -> secret = value;
                case "--bearer-token" -> builder.bearerToken(value);
                default -> builder.processingDelay(delay(option, value));
            }
        }
        builder.credentials(key, secret);
        return new Start(builder, key, secret, false);
    }

    private static java.time.Duration delay(String option, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Start start;
        try {
            start = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gongcrm-emulator: error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (start.usage()) {
            System.out.println(USAGE);
            return;
        }
        Emulator emulator = start.builder().build().start();
        System.out.println("Gong CRM API emulator listening on " + emulator.baseUrl());
        System.out.println("  GONG_BASE_URL=" + emulator.baseUrl());
        System.out.println("  GONG_ACCESS_KEY=" + start.key() + "  GONG_ACCESS_KEY_SECRET=" + start.secret()
                + "   (emulator credentials, not real ones)");
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        new CountDownLatch(1).await();
    }
}
