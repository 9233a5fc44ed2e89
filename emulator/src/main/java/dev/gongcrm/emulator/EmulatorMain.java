package dev.gongcrm.emulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar gongcrm-emulator.jar [--port N] [--access-key K --secret S] [--delay-ms N]}. */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // what it refuses, and why, goes to stderr: a client under test sees its mistakes
        Emulator.Builder builder = Emulator.builder().log(line -> System.err.println("gongcrm-emulator: " + line));
        String key = Emulator.DEFAULT_CREDENTIAL;
        String secret = Emulator.DEFAULT_CREDENTIAL;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(require(args[i], value)));
                case "--access-key" -> key = require(args[i], value);
                case "--secret" -> secret = require(args[i], value);
                case "--bearer-token" -> builder.bearerToken(require(args[i], value));
                case "--delay-ms" -> builder.processingDelay(Duration.ofMillis(Long.parseLong(require(args[i], value))));
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar gongcrm-emulator.jar [--port N] [--access-key K --secret S] "
                            + "[--bearer-token T] [--delay-ms N]\nA local Gong CRM API on 127.0.0.1 for tests and dry runs.");
                    return;
                }
                default -> {
                    System.err.println("gongcrm-emulator: error: unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
            i++;
        }
        builder.credentials(key, secret);
        Emulator emulator = builder.build().start();
        System.out.println("Gong CRM API emulator listening on " + emulator.baseUrl());
        System.out.println("  GONG_BASE_URL=" + emulator.baseUrl());
        System.out.println("  GONG_ACCESS_KEY=" + key + "  GONG_ACCESS_KEY_SECRET=" + secret
                + "   (emulator credentials, not real ones)");
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        new CountDownLatch(1).await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println("gongcrm-emulator: error: " + option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
