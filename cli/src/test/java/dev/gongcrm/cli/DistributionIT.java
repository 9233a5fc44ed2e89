package dev.gongcrm.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution archives as a user gets them: unpacked in a temporary folder, run from another folder with
 * only a Java runtime on the PATH (no Maven, no source tree), and from an install folder it cannot write to.
 */
class DistributionIT {

    private static final Path TAR = Path.of(System.getProperty("gongcrm.distribution"));
    private static final Path ZIP = Path.of(System.getProperty("gongcrm.distribution.zip"));
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    static Path unpacked;

    private static Path install;

    @BeforeAll
    static void unpack() throws Exception {
        assertEquals(0, new ProcessBuilder("tar", "-xzf", TAR.toString(), "-C", unpacked.toString()).inheritIO()
                .start().waitFor());
        try (Stream<Path> top = Files.list(unpacked)) {
            install = top.filter(path -> path.getFileName().toString().startsWith("gongcrm-")).findFirst().orElseThrow();
        }
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs a command with a PATH of only the Java runtime and the system's basic tools. */
    private static Result run(Path workingDirectory, Map<String, String> environment, String... command)
            throws Exception {
        return run(workingDirectory, environment, null, command);
    }

    /** The same, reading standard input from a file (none: nothing). */
    private static Result run(Path workingDirectory, Map<String, String> environment, Path input, String... command)
            throws Exception {
        ProcessBuilder process = new ProcessBuilder(command).directory(workingDirectory.toFile());
        if (input != null) {
            process.redirectInput(input.toFile());
        }
        process.environment().clear();
        process.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        process.environment().putAll(environment);
        Path out = Files.createTempFile(unpacked, "out", ".txt");
        Path err = Files.createTempFile(unpacked, "err", ".txt");
        Process started = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(started.waitFor(2, TimeUnit.MINUTES), "the command ends");
        return new Result(started.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Map<String, String> cacheIn(Path folder) {
        return Map.of("HOME", folder.toString(), "XDG_CACHE_HOME", folder.resolve("cache").toString());
    }

    @Test
    void theUnpackedArchiveValidatesFromAnyFolderWithOnlyJava(@TempDir Path elsewhere) throws Exception {
        Path launcher = install.resolve("bin").resolve("gongcrm");
        Result broken = run(elsewhere, cacheIn(elsewhere), launcher.toString(), "validate",
                EXAMPLES.resolve("broken-bundle").toString());
        assertEquals(1, broken.exit(), broken.err());
        assertTrue(broken.out().contains("Found 13 errors, 4 warnings, 0 info (6 files, 14 objects checked)."),
                broken.out());
        assertEquals("", broken.err());
        try (Stream<Path> cache = Files.list(elsewhere.resolve("cache").resolve("gongcrm"))) {
            assertTrue(cache.noneMatch(file -> file.getFileName().toString().endsWith(".jsa")),
                    "a first run does not pay for the archive: a runner that runs gongcrm once never needs it");
        }

        Result valid = run(elsewhere, cacheIn(elsewhere), launcher.toString(), "validate",
                EXAMPLES.resolve("valid-bundle").toString());
        assertEquals(0, valid.exit(), valid.err());
        assertEquals("No problems found (8 files, 12 objects checked).", valid.out().strip());
        try (Stream<Path> cache = Files.list(elsewhere.resolve("cache").resolve("gongcrm"))) {
            assertTrue(cache.anyMatch(file -> file.getFileName().toString().endsWith(".jsa")),
                    "the second run wrote its class-data archive into the user's cache folder");
        }
        Result mapped = run(elsewhere, cacheIn(elsewhere), launcher.toString(), "validate",
                EXAMPLES.resolve("valid-bundle").toString());
        assertEquals(valid, mapped, "a run that maps the archive prints the same");
    }

    /** The second run, which lists its classes for the archive, reads standard input as the others do. */
    @Test
    void theRunThatWritesTheArchiveReadsStandardInput(@TempDir Path elsewhere) throws Exception {
        Path deals = EXAMPLES.resolve("broken-bundle").resolve("deals.ldjson");
        String[] command = {install.resolve("bin").resolve("gongcrm").toString(), "validate", "-", "--type", "deal",
                "--format", "json"};
        Result first = run(elsewhere, cacheIn(elsewhere), deals, command);
        assertEquals(1, first.exit(), first.err());
        Result archiving = run(elsewhere, cacheIn(elsewhere), deals, command);
        assertEquals(first, archiving, "the run that writes the archive checked the same input");
        try (Stream<Path> cache = Files.list(elsewhere.resolve("cache").resolve("gongcrm"))) {
            assertTrue(cache.anyMatch(file -> file.getFileName().toString().endsWith(".jsa")), "it wrote the archive");
        }
    }

    /** A second run whose JVM does not start lists no class: it writes no archive, and the next run does. */
    @Test
    void aRunWhoseJvmDoesNotStartWritesNoArchive(@TempDir Path elsewhere) throws Exception {
        String launcher = install.resolve("bin").resolve("gongcrm").toString();
        String bundle = EXAMPLES.resolve("valid-bundle").toString();
        assertEquals(0, run(elsewhere, cacheIn(elsewhere), launcher, "validate", bundle).exit());
        Map<String, String> broken = new HashMap<>(cacheIn(elsewhere));
        broken.put("GONGCRM_JAVA_OPTS", "-XX:+NoSuchOption");
        Result failed = run(elsewhere, broken, launcher, "validate", bundle);
        assertEquals(1, failed.exit(), failed.out());
        assertTrue(failed.err().contains("NoSuchOption"), failed.err());
        assertEquals(List.of(), archives(elsewhere));
        assertEquals(0, run(elsewhere, cacheIn(elsewhere), launcher, "validate", bundle).exit());
        assertEquals(1, archives(elsewhere).size(), "the next run that did its work wrote it");
    }

    private static List<Path> archives(Path home) throws IOException {
        try (Stream<Path> cache = Files.list(home.resolve("cache").resolve("gongcrm"))) {
            return cache.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** A collector chosen in JAVA_TOOL_OPTIONS is the only one: the launcher adds none beside it. */
    @Test
    void aCollectorChosenOutsideTheLauncherIsTheOnlyOne(@TempDir Path elsewhere) throws Exception {
        Map<String, String> environment = new HashMap<>(cacheIn(elsewhere));
        environment.put("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC");
        Result result = run(elsewhere, environment, install.resolve("bin").resolve("gongcrm").toString(), "validate",
                EXAMPLES.resolve("valid-bundle").toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("No problems found (8 files, 12 objects checked).", result.out().strip());
    }

    /**
     * A small bundle stays a small run (C1 alone) whatever the ledger a push keeps beside it: 110 MB of ledger
     * in its .gongcrm folder do not count as input.
     */
    @Test
    void aLedgerInTheBundleFolderDoesNotMakeALargeRun(@TempDir Path bundle, @TempDir Path home) throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("valid-bundle"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, bundle.resolve(file.getFileName()));
            }
        }
        Path ledger = Files.createDirectories(bundle.resolve(".gongcrm")).resolve("ledger.db");
        try (FileChannel out = FileChannel.open(ledger, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer megabyte = ByteBuffer.allocate(1 << 20);
            for (int i = 0; i < 110; i++) { // written, not sparse: du counts the blocks a file holds
                megabyte.clear();
                while (megabyte.hasRemaining()) {
                    out.write(megabyte);
                }
            }
        }
        Map<String, String> environment = new HashMap<>(cacheIn(home));
        environment.put("GONGCRM_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Result result = run(home, environment, install.resolve("bin").resolve("gongcrm").toString(), "validate",
                bundle.toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("-XX:TieredStopAtLevel=1"), result.out());
    }

    /** A closed standard input reads as an empty one (the JVM alone crashes on it). */
    @Test
    void aClosedStandardInputIsAnEmptyOne(@TempDir Path elsewhere) throws Exception {
        Result closed = run(elsewhere, cacheIn(elsewhere), "sh", "-c", "exec \"$0\" validate - --type deal <&-",
                install.resolve("bin").resolve("gongcrm").toString());
        assertEquals(0, closed.exit(), closed.err());
        assertTrue(closed.out().contains("warning[empty-file]"), closed.out());
    }

    /**
     * Ctrl-C (SIGINT to the terminal's foreground group) stops the run that writes the archive too, with the
     * status of an interrupt: a background command of the launcher ignores SIGINT for good under dash.
     * {@code env --default-signal} gives the launcher the SIGINT a terminal's command has, whatever this build's.
     */
    @Test
    void anInterruptStopsTheRunThatWritesTheArchive(@TempDir Path elsewhere) throws Exception {
        String launcher = install.resolve("bin").resolve("gongcrm").toString();
        ProcessBuilder emulator = new ProcessBuilder("setsid", "env", "--default-signal=INT", launcher, "emulator",
                "--port", "0").directory(elsewhere.toFile());
        emulator.environment().clear();
        emulator.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        emulator.environment().putAll(cacheIn(elsewhere));
        assertEquals(0, run(elsewhere, cacheIn(elsewhere), launcher, "emulator", "--help").exit(),
                "the first run of the command, which leaves the marker: the next writes the archive");
        Path out = elsewhere.resolve("emulator.txt");
        Process started = emulator.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!Files.readString(out).contains("listening") && started.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(out).contains("listening"), Files.readString(out));
            assertEquals(0, new ProcessBuilder("kill", "-INT", "--", "-" + started.pid()).start().waitFor());
            assertTrue(started.waitFor(1, TimeUnit.MINUTES), "Ctrl-C stopped it");
            assertEquals(130, started.exitValue(), Files.readString(out));
        } finally {
            started.destroyForcibly();
        }
    }

    @Test
    void aLinkOnThePathRunsTheInstallItPointsTo(@TempDir Path bin) throws Exception {
        Files.createSymbolicLink(bin.resolve("gongcrm"), install.resolve("bin").resolve("gongcrm"));
        Result version = run(bin, Map.of("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin")
                + ":/usr/bin:/bin", "HOME", bin.toString()), "sh", "-c", "gongcrm --version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("gongcrm "), version.out());
    }

    @Test
    void aReadOnlyInstallWritesNothingIntoItself(@TempDir Path elsewhere) throws Exception {
        Set<String> before = listing(install);
        try {
            setWritable(install, false);
            // not even root can make a folder under /proc: no cache folder, no archive, the command still runs
            Result unwritableCache = run(elsewhere, Map.of("XDG_CACHE_HOME", "/proc/gongcrm-cache"),
                    install.resolve("bin").resolve("gongcrm").toString(), "validate",
                    EXAMPLES.resolve("valid-bundle").toString());
            assertEquals(0, unwritableCache.exit(), unwritableCache.err());
            assertEquals("", unwritableCache.err());
            Result cached = run(elsewhere, cacheIn(elsewhere), install.resolve("bin").resolve("gongcrm").toString(),
                    "validate", EXAMPLES.resolve("broken-bundle").toString());
            assertEquals(1, cached.exit(), cached.err());
        } finally {
            setWritable(install, true);
        }
        assertEquals(before, listing(install), "the install folder is as it was unpacked");
    }

    @Test
    void anOldJavaIsRefusedInOneLine(@TempDir Path oldJava) throws Exception {
        Path java = Files.createDirectories(oldJava.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'should not run'\n");
        assertTrue(java.toFile().setExecutable(true));
        Files.writeString(oldJava.resolve("release"), "JAVA_VERSION=\"11.0.2\"\nJAVA_RUNTIME_VERSION=\"11.0.2+9\"\n");
        Result result = run(oldJava, Map.of("JAVA_HOME", oldJava.toString()),
                install.resolve("bin").resolve("gongcrm").toString(), "--version");
        assertEquals(2, result.exit());
        assertEquals("", result.out());
        assertEquals("gongcrm: error: " + java + " is Java 11.0.2; gongcrm needs Java 17 or newer (set JAVA_HOME to one)",
                result.err().strip());
    }

    @Test
    void theArchiveCarriesManPagesAndTheCompletionScriptOfEveryCommand(@TempDir Path elsewhere) throws Exception {
        Set<String> pages = ManPages.of(GongCrm.commandLine(new GongCrm(Map.of(), false), null)).keySet();
        assertTrue(pages.contains("gongcrm-validate.1") && pages.contains("gongcrm-ledger-show.1"), pages.toString());
        try (Stream<Path> man = Files.list(install.resolve("man").resolve("man1"))) {
            assertEquals(new TreeSet<>(pages), man.map(page -> page.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertTrue(Files.readString(install.resolve("man/man1/gongcrm-validate.1")).startsWith(".TH \"GONGCRM\\-VALIDATE\" 1"));

        Path script = install.resolve("completion").resolve("gongcrm.bash");
        Result printed = run(elsewhere, cacheIn(elsewhere), install.resolve("bin/gongcrm").toString(), "completion", "bash");
        assertEquals(0, printed.exit(), printed.err());
        assertEquals(Files.readString(script), printed.out(), "the file is what 'gongcrm completion bash' prints");
        Result syntax = run(elsewhere, Map.of(), "bash", "-n", script.toString());
        assertEquals(0, syntax.exit(), syntax.err());
        Result completes = run(elsewhere, Map.of(), "bash", "-c", "source " + script
                + " && COMP_WORDS=(gongcrm val) COMP_CWORD=1 COMP_LINE='gongcrm val' COMP_POINT=11"
                + " && _picocli_gongcrm && echo \"${COMPREPLY[@]}\"");
        assertEquals("validate", completes.out().strip(), completes.err());
        assertTrue(Files.isRegularFile(install.resolve("LICENSE")) && Files.isRegularFile(install.resolve("README.md")));
    }

    @Test
    void theArchiveCarriesTheDocsPagesTheReadmeLinksTo() throws Exception {
        assertEquals(Files.readString(Path.of("..", "docs", "push.md")), Files.readString(install.resolve("docs/push.md")));
        Set<String> pages;
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            pages = docs.map(page -> page.getFileName().toString()).filter(name -> name.endsWith(".md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        try (Stream<Path> docs = Files.list(install.resolve("docs"))) {
            assertEquals(pages, docs.map(page -> page.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void theZipHoldsTheSameFilesWithAWindowsLauncher() throws Exception {
        Set<String> tarFiles;
        try (Stream<Path> files = Files.walk(install)) {
            tarFiles = files.filter(Files::isRegularFile).map(file -> install.relativize(file).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String prefix = install.getFileName() + "/";
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Set<String> zipFiles = zip.stream().filter(entry -> !entry.isDirectory())
                    .map(entry -> entry.getName().substring(prefix.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(tarFiles, zipFiles);
            ZipEntry cmd = zip.getEntry(prefix + "bin/gongcrm.cmd");
            String windows = new String(zip.getInputStream(cmd).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(windows.contains("-jar \"%~dp0..\\lib\\gongcrm.jar\" %*\r\n"), windows);
            assertFalse(windows.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
        }
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> folder.relativize(file) + " " + file.toFile().length())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void setWritable(Path folder, boolean writable) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(folder)) {
            all = new ArrayList<>(files.toList());
        }
        for (Path file : all) {
            assertTrue(file.toFile().setWritable(writable, false), "permissions of " + file);
        }
    }
}
