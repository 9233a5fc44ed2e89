package dev.gongcrm.client.ledger;

import dev.gongcrm.validator.config.BundleConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a ledger lives: an SQLite file (one machine) or a PostgreSQL database that a team's pipelines
 * share. A PostgreSQL ledger is named by URL, in libpq's form ({@code postgresql://user@host:5432/db?
 * sslmode=require}) or JDBC's ({@code jdbc:postgresql://host:5432/db?user=gongcrm}); its password never
 * comes from the URL (which shows in process lists, CI logs and settings files) but from the
 * environment: {@code GONGCRM_LEDGER_PASSWORD}, else libpq's {@code PGPASSWORD}, else {@code ~/.pgpass}.
 */
public sealed interface LedgerLocation {

    /** The environment variable a ledger database's password is read from first. */
    String PASSWORD_VARIABLE = "GONGCRM_LEDGER_PASSWORD";

    /** How the location is shown in messages: the file, or the URL without any secret. */
    String describe();

    /** An SQLite file. */
    record SqliteFile(Path file) implements LedgerLocation {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl the JDBC URL without user or password
     * @param parameters the URL's query parameters (sslmode...) passed to the driver as they are
     */
    record Postgres(String host, int port, String database, String user, String jdbcUrl,
                    Map<String, String> parameters) implements LedgerLocation {
        @Override
        public String describe() {
            return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
        }

        /**
         * The password: {@code GONGCRM_LEDGER_PASSWORD}, {@code PGPASSWORD}, then the first line of the
         * {@code .pgpass} file ({@code PGPASSFILE}, else {@code ~/.pgpass}) that matches host, port,
         * database and user; empty when none (a server that trusts the connection needs none).
         */
        public Optional<String> password(Map<String, String> environment) {
            for (String variable : List.of(PASSWORD_VARIABLE, "PGPASSWORD")) {
                String value = environment.get(variable);
                if (value != null && !value.isEmpty()) {
                    return Optional.of(value);
                }
            }
            String passFile = environment.get("PGPASSFILE");
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            Path file = passFile != null ? Path.of(passFile) : home == null ? null : Path.of(home, ".pgpass");
            return file == null ? Optional.empty() : fromPassFile(file, user(environment));
        }

        /** The user: the URL's, else libpq's {@code PGUSER}, else the name of the user running gongcrm. */
        public String user(Map<String, String> environment) {
            if (user != null) {
                return user;
            }
            String pgUser = environment.get("PGUSER");
            return pgUser != null && !pgUser.isEmpty() ? pgUser : System.getProperty("user.name");
        }

        private Optional<String> fromPassFile(Path file, String user) {
            List<String> lines;
            try {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = passFileFields(line);
                if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                        && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                    return Optional.of(fields.get(4));
                }
            }
            return Optional.empty();
        }

        private static boolean matches(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }

        /** The fields of a .pgpass line: separated by ':', in which '\:' and '\\' stand for ':' and '\'. */
        private static List<String> passFileFields(String line) {
            List<String> fields = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    field.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }

    /**
     * The ledger a run uses: the one the user names ({@code named}: a URL, or a file relative to {@code base}
     * when there is one), else the one the configuration names, else the file {@code otherwise}.
     */
    static LedgerLocation choose(String named, BundleConfig settings, Path base, Path otherwise) {
        if (named != null && !named.isBlank()) {
            return parse(named, base);
        }
        return settings.ledger().map(text -> parse(text, null)).orElseGet(() -> new SqliteFile(otherwise));
    }

    /** Whether the text names a PostgreSQL database rather than a file. */
    static boolean isDatabaseUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://")
                || lower.startsWith("jdbc:postgresql://");
    }

    /**
     * The location a user named: a PostgreSQL URL, else a file path (relative to {@code base}). A URL
     * that holds a password is refused, and the message does not repeat it.
     */
    static LedgerLocation parse(String text, Path base) {
        if (!isDatabaseUrl(text)) {
            Path path = Path.of(text);
            return new SqliteFile(base == null || path.isAbsolute() ? path : base.resolve(path));
        }
        String uriText = text.regionMatches(true, 0, "jdbc:", 0, 5) ? text.substring(5) : text;
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the ledger URL is not a valid URL (" + e.getReason() + "); write it as "
                    + "postgresql://USER@HOST:5432/DATABASE");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        String userInfo = uri.getRawUserInfo();
        if ((userInfo != null && userInfo.contains(":")) || parameters.containsKey("password")) {
            throw new IllegalArgumentException("the ledger URL holds a password, which would show in process lists "
                    + "and logs: remove it from the URL and set " + PASSWORD_VARIABLE + " (or PGPASSWORD, or "
                    + "~/.pgpass) instead");
        }
        String host = uri.getHost();
        if ((host == null || host.isEmpty()) && uri.getRawAuthority() != null && uri.getRawAuthority().contains(":")) {
            throw new IllegalArgumentException("the ledger URL's host and port cannot be read (the port must be a "
                    + "number); write it as postgresql://USER@HOST:5432/DATABASE");
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the ledger URL names no host; write it as "
                    + "postgresql://USER@HOST:5432/DATABASE");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the ledger URL names no database; write it as "
                    + "postgresql://USER@HOST:5432/DATABASE");
        }
        String user = userInfo != null ? decode(userInfo) : parameters.remove("user");
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String jdbcUrl = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + database;
        return new Postgres(host, port, database, user, jdbcUrl, Map.copyOf(parameters));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
