package dev.gongcrm.cli;

import dev.gongcrm.emulator.Emulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "emulator",
        description = {"Runs a local Gong CRM API on 127.0.0.1 until stopped (Ctrl-C): try a whole push without "
                + "touching Gong. It keeps its data only while it runs (objects in an SQLite file of its temporary "
                + "folder): a fresh one has no integration until one registers "
                + "('gongcrm integration register')."},
        mixinStandardHelpOptions = true)
final class EmulatorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8089",
            description = "The port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--access-key", paramLabel = "KEY", defaultValue = Emulator.DEFAULT_CREDENTIAL,
            description = "The access key it accepts (default ${DEFAULT-VALUE}).")
    String accessKey;

    @Option(names = "--secret", paramLabel = "SECRET", defaultValue = Emulator.DEFAULT_CREDENTIAL,
            description = "The access key secret it accepts (default ${DEFAULT-VALUE}).")
    String secret;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.class,
            description = "How long an upload stays PENDING and IN_PROGRESS (default ${DEFAULT-VALUE}).")
    Duration delay;

    @Override
    public Integer call() throws InterruptedException {
        Emulator emulator = Emulator.builder().port(port).credentials(accessKey, secret).processingDelay(delay)
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Gong CRM API emulator listening on " + emulator.baseUrl() + " (Ctrl-C or kill stops it; nothing "
                + "survives a restart, so after one register the integration again)");
        out.println("  export GONG_BASE_URL=" + emulator.baseUrl() + " GONG_ACCESS_KEY=" + ShellWords.quoted(accessKey)
                + " GONG_ACCESS_KEY_SECRET=" + ShellWords.quoted(secret) + "   # the emulator's own, not real credentials");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
