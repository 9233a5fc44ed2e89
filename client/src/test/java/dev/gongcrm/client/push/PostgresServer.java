package dev.gongcrm.client.push;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A real PostgreSQL server for the tests of the shared ledger (issue 19), started by the tests themselves: one per
 * test JVM, on first use, on a free loopback port, in a temporary folder, and stopped and removed when the JVM exits.
 * A test takes a fresh, empty database with {@link #database()}; {@link #shared()} gives the server itself, to stop,
 * restart or cut connections.
 *
 * <p>Where no PostgreSQL can be found or started, the tests that need one are skipped, with one line on stderr
 * saying why. With {@value #REQUIRE} set (CI) they fail instead, so that a machine without PostgreSQL cannot pass
 * for green. Needs PostgreSQL 14 or later (pg_terminate_backend with a timeout).
 */
public final class PostgresServer {

    /** Set (to anything but empty) where PostgreSQL must be there: a missing server fails the tests. */
    public static final String REQUIRE = "GONGCRM_REQUIRE_POSTGRES";
    /** The folder holding initdb, postgres and pg_ctl, when they are not where the system package puts them. */
    public static final String BIN = "GONGCRM_PG_BIN";

    /** An ordinary role, owner of the test databases, like the role a team gives its pipelines. */
    private static final String USER = "gongcrm";
    private static final String ADMIN = "admin";
    private static final String FOLDER_PREFIX = "gongcrm-pg-";
    private static final String OWNER_FILE = "jvm.pid";
    private static final String ADMIN_PASSWORD_FILE = "admin-password";
    private static final int MIN_VERSION = 14;
    // two busy shared cores: initdb and the first start are slow there, and a hang must still end
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private static PostgresServer instance;
    private static String unavailable;

    private final Path bin;
    private final List<String> asServerUser;
    private final Path folder;
    private final Path data;
    private final Path log;
    private final String adminPassword;
    private final String password = secret();
    private final AtomicInteger databases = new AtomicInteger();
    private int port;
    private Process process;

    /** A fresh, empty database on the shared server, owned by the role {@link Database#user()}. */
    public static Database database() {
        return shared().createDatabase();
    }

    /** The server of this JVM, started on first use; skips the calling test (fails it in CI) when there is none. */
    public static synchronized PostgresServer shared() {
        if (instance == null && unavailable == null) {
            try {
                instance = start(System.getenv());
            } catch (Unavailable e) {
                unavailable = e.getMessage();
                if (!required(System.getenv())) {
                    System.err.println("*** " + skipped(unavailable) + " ***");
                }
            }
        }
        if (instance == null) {
            skipOrFail(unavailable, System.getenv());
        }
        return instance;
    }

    /** One empty database on this server; starts the server again when a test stopped it and did not start it. */
    public synchronized Database createDatabase() {
        if (process == null || !process.isAlive()) {
            start();
        }
        String name = "ledger_" + databases.incrementAndGet();
        try (Connection admin = admin(); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new Database(name, port, USER, password);
    }

    /** Stops the server as an administrator would (fast mode): every client connection is cut, committed data stays. */
    public synchronized void stop() {
        try {
            run(serverCommand("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w",
                    "-t", Long.toString(START_TIMEOUT.toSeconds())));
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("PostgreSQL stopped but its process did not exit within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        }
    }

    /** Starts the stopped server again, on the same port, so the URLs handed out before stay good. */
    public synchronized void start() {
        try {
            launch();
        } catch (Unavailable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public void restart() {
        stop();
        start();
    }

    /**
     * Cuts one connection, as a killed runner or a dropped network would: true when the server process behind it
     * is gone, and with it every lock it held.
     */
    public boolean terminate(int backendPid) {
        return terminateWhere("pid = ?", backendPid) == 1;
    }

    /** Cuts every client connection to a database; returns how many there were. */
    public int terminateConnections(Database database) {
        return terminateWhere("datname = ?", database.name());
    }

    public int port() {
        return port;
    }

    /** A database of the test server. The URLs leave the password out: the ledger reads it from the environment. */
    public record Database(String name, int port, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:" + url();
        }

        /** The libpq form, as users write it. */
        public String url() {
            return "postgresql://127.0.0.1:" + port + "/" + name;
        }

        public Connection connect() throws SQLException {
            return PostgresServer.connect(jdbcUrl(), user, password);
        }

        @Override
        public String toString() {
            // a record prints every field: this one must not put the password in a failure message
            return url() + " as " + user;
        }
    }

    /** Why the tests cannot have a server. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    static void skipOrFail(String why, Map<String, String> env) {
        if (required(env)) {
            fail("PostgreSQL tests cannot run and " + REQUIRE + " is set: " + why + "; " + HOW_TO_INSTALL);
        }
        abort(skipped(why));
    }

    private static final String HOW_TO_INSTALL = "install PostgreSQL (apt-get install postgresql), or set " + BIN
            + " to the folder holding its initdb, postgres and pg_ctl";

    private static String skipped(String why) {
        return "PostgreSQL tests skipped: " + why + "; " + HOW_TO_INSTALL;
    }

    private static boolean required(Map<String, String> env) {
        return !env.getOrDefault(REQUIRE, "").isEmpty();
    }

    /** The folder of initdb, postgres and pg_ctl: {@value #BIN}, else the newest system package, else pg_config's. */
    static Path binaries(Map<String, String> env) throws Unavailable {
        String given = env.get(BIN);
        if (given != null && !given.isEmpty()) {
            Path folder = Path.of(given);
            if (!hasServer(folder)) {
                throw new Unavailable(BIN + " is " + given + ", which does not hold initdb, postgres and pg_ctl");
            }
            return folder;
        }
        Optional<Path> packaged = newestPackaged(Path.of("/usr/lib/postgresql"));
        if (packaged.isPresent()) {
            return packaged.get();
        }
        try {
            Path folder = Path.of(run(List.of("pg_config", "--bindir")).strip());
            if (hasServer(folder)) {
                return folder;
            }
        } catch (IOException noPgConfig) {
            // there is no pg_config either: the message below says what was looked for
        }
        throw new Unavailable("no PostgreSQL server found (looked at " + BIN
                + ", /usr/lib/postgresql/*/bin and pg_config --bindir)");
    }

    // Debian and Ubuntu install each major version side by side in /usr/lib/postgresql/VERSION/bin
    private static Optional<Path> newestPackaged(Path versions) {
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(versions)) {
            return list.filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .map(version -> version.resolve("bin"))
                    .filter(PostgresServer::hasServer)
                    .max(Comparator.comparing(bin -> versionNumbers(bin.getParent().getFileName().toString()),
                            Arrays::compare));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int[] versionNumbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static boolean hasServer(Path folder) {
        return Stream.of("initdb", "postgres", "pg_ctl").allMatch(tool -> Files.isExecutable(folder.resolve(tool)));
    }

    private static PostgresServer start(Map<String, String> env) throws Unavailable {
        Path bin = binaries(env);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        Path folder;
        String adminPassword = secret();
        try {
            folder = Files.createTempDirectory(tmp, FOLDER_PREFIX);
            Files.writeString(folder.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            Files.writeString(folder.resolve(ADMIN_PASSWORD_FILE), adminPassword);
        } catch (IOException e) {
            throw new Unavailable("cannot make a folder for PostgreSQL in " + tmp + ": " + e.getMessage());
        }
        PostgresServer server = null;
        try {
            server = new PostgresServer(bin, serverUser(folder), folder, adminPassword);
            server.initialize();
            server.launchOnFreePort();
            server.createRole();
            PostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::remove, "stop the test PostgreSQL"));
            return started;
        } catch (Unavailable e) {
            if (server != null) {
                server.remove();
            } else {
                deleteTree(folder);
            }
            throw e;
        }
    }

    /**
     * PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the unprivileged user the
     * Debian package creates, in a folder that user owns (with the files already in it, which that user reads).
     */
    private static List<String> serverUser(Path folder) throws Unavailable {
        if (new UnixSystem().getUid() != 0) {
            return List.of();
        }
        if (!onPath("runuser")) {
            throw new Unavailable("running as root, and PostgreSQL refuses root, but runuser is missing to run it as "
                    + "user postgres");
        }
        try {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.setOwner(file, postgres);
                }
            }
        } catch (UserPrincipalNotFoundException e) {
            throw new Unavailable("running as root, and PostgreSQL refuses root, but there is no user postgres to run "
                    + "it as (the package postgresql creates it)");
        } catch (IOException e) {
            throw new Unavailable("cannot give " + folder + " to user postgres: " + e.getMessage());
        }
        return List.of("runuser", "-u", "postgres", "--");
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, tool)));
    }

    private PostgresServer(Path bin, List<String> asServerUser, Path folder, String adminPassword) {
        this.bin = bin;
        this.asServerUser = asServerUser;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.log = folder.resolve("postgres.log");
        this.adminPassword = adminPassword;
    }

    private void initialize() throws Unavailable {
        try {
            run(serverCommand("initdb", "-D", data.toString(), "-U", ADMIN,
                    "--pwfile=" + folder.resolve(ADMIN_PASSWORD_FILE),
                    "-E", "UTF8", "--locale=C", "--no-sync"));
            // only password logins, and only on loopback: the tests of wrong passwords need a server that checks
            Files.writeString(data.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");
        } catch (IOException e) {
            throw new Unavailable("initdb failed in " + folder + ": " + e.getMessage());
        }
    }

    /** Another process may take the port between our probe and the server's bind: then try another. */
    private void launchOnFreePort() throws Unavailable {
        for (int attempt = 1; ; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new Unavailable("no free loopback port: " + e.getMessage());
            }
            try {
                launch();
                return;
            } catch (Unavailable e) {
                if (attempt == PORT_ATTEMPTS || !logTail().contains("could not bind")) {
                    throw e;
                }
            }
        }
    }

    private void launch() throws Unavailable {
        List<String> command = serverCommand("postgres", "-D", data.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + folder,
                // test data is thrown away: durability against a crash of the machine buys nothing and costs time.
                // synchronous_commit stays on: with fsync off it costs a write() per commit, and off it would lose
                // acknowledged commits when a test crashes the server, a loss the ledger would be blamed for
                "-c", "fsync=off",
                "-c", "full_page_writes=off");
        try {
            process = new ProcessBuilder(command).directory(folder.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new Unavailable("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastError = "";
        while (true) {
            try (Connection ready = admin()) {
                int version = ready.getMetaData().getDatabaseMajorVersion();
                if (version < MIN_VERSION) {
                    throw new Unavailable("PostgreSQL " + version + " in " + bin + " is older than " + MIN_VERSION
                            + ", which the tests need");
                }
                return;
            } catch (SQLException e) {
                // refused while the server binds, then "the database system is starting up"
                lastError = e.getMessage();
            }
            if (!process.isAlive()) {
                throw new Unavailable("PostgreSQL in " + bin + " exited while starting: " + logTail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new Unavailable("PostgreSQL in " + bin + " did not accept connections on port " + port
                        + " within " + START_TIMEOUT.toSeconds() + " s (" + lastError + "): " + logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while PostgreSQL was starting");
            }
        }
    }

    private void createRole() throws Unavailable {
        try (Connection admin = admin(); Statement create = admin.createStatement()) {
            create.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new Unavailable("cannot create role " + USER + ": " + e.getMessage());
        }
    }

    private int terminateWhere(String condition, Object value) {
        // the timeout makes pg_terminate_backend wait until the backend is gone, so its locks are released on return;
        // autovacuum may be working in the database too: it is no client, and a count with it would be a race
        String sql = "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, " + START_TIMEOUT.toMillis()
                + ")) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND "
                + condition;
        try (Connection admin = admin(); PreparedStatement terminate = admin.prepareStatement(sql)) {
            terminate.setObject(1, value);
            try (ResultSet count = terminate.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot terminate connections: " + e.getMessage(), e);
        }
    }

    private Connection admin() throws SQLException {
        return connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", ADMIN, adminPassword);
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private List<String> serverCommand(String tool, String... arguments) {
        List<String> command = new ArrayList<>(asServerUser);
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a command to its end, bounded in time; returns its output, or throws with it. */
    private static String run(List<String> command) throws IOException {
        Path output = Files.createTempFile(FOLDER_PREFIX + "command", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                kill(process);
            }
            String printed = Files.readString(output);
            // the tool, after runuser's "--" where there is one
            Path name = Path.of(command.get(command.indexOf("--") + 1)).getFileName();
            if (!ended) {
                throw new IOException(name + " did not end within " + COMMAND_TIMEOUT.toSeconds() + " s: "
                        + oneLine(printed));
            }
            if (process.exitValue() != 0) {
                throw new IOException(name + " exited with " + process.exitValue() + ": " + oneLine(printed));
            }
            return printed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return oneLine(String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
        } catch (IOException e) {
            return "no log at " + log;
        }
    }

    // the skip notice is one line, and so is everything it quotes
    private static String oneLine(String text) {
        return text.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" | "));
    }

    /** At JVM exit, or when the server did not come up: nothing of the data is worth a clean shutdown. */
    private void remove() {
        if (process != null && process.isAlive()) {
            try {
                run(serverCommand("pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w", "-t", "10"));
            } catch (IOException e) {
                kill(process);
            }
        }
        deleteTree(folder);
    }

    // as root, our process is runuser: killing only it would leave the server or initdb running
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A test JVM killed outright left its server running: stop it, and remove its folder. */
    private static void removeLeftovers(Path tmp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                long owner;
                try {
                    owner = Long.parseLong(Files.readString(folder.resolve(OWNER_FILE)).strip());
                } catch (IOException | NumberFormatException notYetWrittenOrNotOurs) {
                    continue;
                }
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                killPostmaster(folder.resolve("data"));
                deleteTree(folder);
            }
        } catch (IOException e) {
            // leftovers cost disk and a process, not correctness: the new server starts all the same
        }
    }

    private static void killPostmaster(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(pid)
                    .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            // no pid file: the server is not running
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a dying server may still remove its own files: what stays is in the temp folder
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
