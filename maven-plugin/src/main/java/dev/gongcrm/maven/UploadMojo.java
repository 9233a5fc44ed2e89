package dev.gongcrm.maven;

import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.Credentials;
import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.GongEnvironment;
import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.client.push.PlanStep;
import dev.gongcrm.client.push.Planner;
import dev.gongcrm.client.push.Push;
import dev.gongcrm.client.push.PushException;
import dev.gongcrm.client.push.PushNarrator;
import dev.gongcrm.client.push.PushRunner;
import dev.gongcrm.client.push.PushWording;
import dev.gongcrm.client.push.TypeCounts;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.report.OutputOverwritesInputException;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.time.Durations;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Validates the project's Gong CRM bundle and, when nothing reaches {@code violationSeverity}, uploads
 * it to Gong in the order Gong needs: schema files, stages, users, accounts, a settle wait, then
 * contacts, deals and leads. Each upload is polled until Gong has processed it; a FAILED one stops the
 * build with Gong's errors at the lines of your files. A ledger records every request, so a second
 * run sends only what changed and a run after a crash resumes without sending anything twice.
 *
 * <p>Not bound to a phase: call {@code mvn gongcrm:upload}, or bind it (e.g. to {@code deploy}).
 * Credentials come from the {@code <server>} {@code serverId} of settings.xml (username: the access
 * key, password: its secret, which may be encrypted), else from the environment.
 */
@Mojo(name = "upload", threadSafe = true)
public class UploadMojo extends AbstractGongCrmMojo {


    /** Skips the goal: nothing is read, written or sent. */
    @Parameter(property = "gongcrm.upload.skip", defaultValue = "false")
    boolean skip;

    /**
     * The wait between accounts and the contacts, deals and leads that refer to them, counted from
     * when Gong processed the accounts ("Upload Accounts. Wait 60 seconds."): e.g. {@code 60s},
     * {@code 2m}, {@code 500ms}, {@code 0s}.
     */
    @Parameter(property = "gongcrm.settle", defaultValue = "60s")
    String settle;

    /**
     * The deadline of each step: sending, every retry and waiting for Gong to process one upload,
     * together; a server that stops answering is given up at it. A later run goes on where this one stopped.
     */
    @Parameter(property = "gongcrm.timeout", defaultValue = "30m")
    String timeout;

    /** The first wait between polls of an upload's status, doubling up to 30s. */
    @Parameter(property = "gongcrm.pollInterval", defaultValue = "1s")
    String pollInterval;

    /**
     * The ledger of this project's pushes: an SQLite file (open it with {@code sqlite3}), relative to
     * the project, or a PostgreSQL URL ({@code postgresql://USER@HOST:5432/DATABASE}) that several
     * runners share, its password from the settings.xml {@code <server>} {@code ledgerServerId}, else
     * GONGCRM_LEDGER_PASSWORD, PGPASSWORD or ~/.pgpass. Default: gongcrm.json's "ledger", else
     * {@code .gongcrm/ledger.db} in the project. A file lives in the project, not under {@code target/}:
     * {@code mvn clean} would erase it, and the next run would send every file again and could no longer
     * resume an interrupted push. Keep it between builds (in CI: cache it, or use a PostgreSQL ledger).
     */
    @Parameter(property = "gongcrm.ledger")
    String ledger;

    /**
     * The id of the settings.xml {@code <server>} with the PostgreSQL ledger's password ({@code <password>},
     * which may be encrypted) and, when the URL names none, its user ({@code <username>}).
     */
    @Parameter(property = "gongcrm.ledgerServerId", defaultValue = "gongcrm-ledger")
    String ledgerServerId;

    /** How long to wait while another push holds the integration in the ledger ({@code 5m}, {@code 30s}...). */
    @Parameter(property = "gongcrm.lockTimeout", defaultValue = "5m")
    String lockTimeout;

    /** The integration to upload to; default: the environment's GONG_INTEGRATION_ID, else the only one there is. */
    @Parameter(property = "gongcrm.integrationId")
    Long integrationId;

    /**
     * Your company's Gong API host, e.g. {@code https://us-12345.api.gong.io}; default: the
     * environment's GONG_BASE_URL, else {@code https://api.gong.io}.
     */
    @Parameter(property = "gongcrm.baseUrl")
    String baseUrl;

    /**
     * The id of the settings.xml {@code <server>} with the credentials: {@code <username>} the access
     * key, {@code <password>} its secret ({@code mvn --encrypt-password} encrypts it). Without such a
     * server, GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN, of the environment.
     */
    @Parameter(property = "gongcrm.serverId", defaultValue = "gongcrm")
    String serverId;

    /**
     * Send every object, changed or not (each file whole), under new clientRequestIds. Without it a push
     * is a sync: only new and changed objects, and those Gong failed, are sent.
     */
    @Parameter(property = "gongcrm.force", defaultValue = "false")
    boolean force;

    /**
     * Types (e.g. {@code DEAL,CONTACT}) whose objects Gong holds and the bundle's files of the type no
     * longer have are sent with isDeleted: true; only for files that are full exports of their type.
     * Without it, missing objects are only counted.
     */
    @Parameter(property = "gongcrm.deleteMissing")
    List<String> deleteMissing;

    /**
     * A file to write each object's fate to: type, objectId, file, line, action, outcome and Gong's
     * error; CSV, or JSON lines for a name ending in .jsonl, .ldjson or .ndjson.
     */
    @Parameter(property = "gongcrm.results")
    java.io.File results;

    /** Validate and print the plan with what the ledger says is done; send nothing. */
    @Parameter(property = "gongcrm.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * Files larger than this many bytes are uploaded in parts split at line boundaries (default: Gong's
     * limit, 200 MiB).
     */
    @Parameter(property = "gongcrm.maxUploadBytes", defaultValue = "" + Planner.MAX_UPLOAD_BYTES)
    long maxUploadBytes;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    /** The ledger this run uses, once known (for messages). */
    private LedgerLocation ledgerInUse;

    /** The environment credentials and defaults are read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    private final SettingsDecrypter decrypter;
    private String credentialSource;

    @Inject
    public UploadMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping gongcrm:upload (gongcrm.upload.skip=true)");
            return;
        }
        Severity failLevel = threshold();
        Validator.Builder validation = validation();
        Map<ReportFormat, Path> reports = reports();
        PushRunner.Settings run = PushRunner.Settings.defaults().withForce(force)
                .withTimeout(duration(timeout, "timeout")).withPollInterval(duration(pollInterval, "pollInterval"))
                .withLockTimeout(duration(lockTimeout, "lockTimeout"));
        Duration settleWait = duration(settle, "settle");
        if (maxUploadBytes < 1) {
            throw new MojoExecutionException("Invalid gongcrm configuration: maxUploadBytes must be at least 1");
        }
        Long named = namedIntegration();
        checkEncoding();
        List<BundleFile> files = bundleFiles("upload");
        if (files.isEmpty()) {
            return;
        }
        LedgerLocation ledgerLocation = ledgerLocation();
        ledgerInUse = ledgerLocation;
        OutputGuard inputs = inputs(files).protect("the ledger", ledgerLocation instanceof LedgerLocation.SqliteFile file
                ? file.file() : null);
        refuseReportsOver(inputs, reports);
        Path resultsFile = results == null ? null : results.toPath();
        if (resultsFile != null) {
            try {
                inputs.check("<results>", resultsFile, "write the results elsewhere");
            } catch (OutputOverwritesInputException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        Set<ObjectType> typesToDelete = typesToDelete();
        Map<String, String> ledgerEnvironment = ledgerEnvironment(); // before the client: nothing to close if it fails
        GongCrmClient client = dryRun ? null : client();
        try (Ledger opened = dryRun ? Ledger.openForReading(ledgerLocation, ledgerEnvironment)
                : Ledger.open(ledgerLocation, ledgerEnvironment)) {
            Optional<Long> known = client == null ? opened.integrationOrOnly(named) : Optional.empty();
            if (known.isEmpty() && client == null) {
                client = client(); // a dry run asks Gong which integration when the ledger cannot tell
            }
            long integration = known.isPresent() ? known.get() : integration(client, named);
            Push.Outcome outcome = Push.run(client, opened, new Push.Request(files, validation, settings().profile(),
                    failLevel, integration, maxUploadBytes, settleWait, dryRun, typesToDelete, resultsFile), run,
                    new StepLog(integration));
            report(outcome, failLevel, integration, reports);
        } catch (GongApiException | LedgerException | PushException | UncheckedIOException e) {
            throw new MojoExecutionException("gongcrm:upload stopped: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("gongcrm:upload stopped: " + e.getMessage(), e);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private void report(Push.Outcome outcome, Severity failLevel, long integration, Map<ReportFormat, Path> reports)
            throws MojoExecutionException, MojoFailureException {
        print(outcome.validation());
        if (outcome.validationFailed()) {
            writeReports(outcome.validation(), reports);
            throw new MojoFailureException("gongcrm found " + outcome.validation().countAtLeast(failLevel)
                    + " violation(s) at or above '" + failLevel.id() + "'; nothing was sent. Each is listed above "
                    + "with its file, line and rule. Fix the data (the rule catalog, also in the SARIF report's rule "
                    + "descriptions, explains each rule with an example).");
        }
        TypeCounts.describe(outcome.counts().values(), "-Dgongcrm.deleteMissing=").forEach(getLog()::info);
        if (dryRun) {
            writeReports(outcome.validation(), reports);
            wording().plan(outcome, integration, ledgerInUse).forEach(getLog()::info);
            return;
        }
        if (outcome.upload().failed()) {
            printFindings(outcome.uploadFindings());
            writeReports(outcome.uploadFindings(), reports);
            throw new MojoFailureException("Gong rejected an upload: its errors are listed above at the lines of "
                    + "your file. The push stopped there; the ledger " + ledgerInUse.describe() + " records it, "
                    + "and the next run "
                    + "sends only what is not DONE.");
        }
        writeReports(outcome.validation(), reports);
        long sent = outcome.upload().sent();
        getLog().info(sent == 0
                ? "gongcrm: nothing to send: every object is in Gong as it is here (-Dgongcrm.force=true sends "
                + "everything again)"
                : "gongcrm: pushed " + sent + " upload(s) to integration " + integration + "; all DONE");
    }

    /** The ledger: the {@code ledger} parameter, else gongcrm.json's, else the project's {@code .gongcrm/ledger.db}. */
    LedgerLocation ledgerLocation() throws MojoExecutionException {
        try {
            return LedgerLocation.choose(ledger, settings(), basedir.toPath(), Ledger.defaultLocation(basedir.toPath()));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: ledger: " + e.getMessage());
        }
    }

    /**
     * The environment a PostgreSQL ledger's user and password are read from: the process's, with the
     * settings.xml {@code <server>} {@code ledgerServerId}, when there is one, laid over it.
     */
    Map<String, String> ledgerEnvironment() throws MojoExecutionException {
        Server server = settings == null ? null : settings.getServer(ledgerServerId);
        if (server == null) {
            return environment;
        }
        Server plain = decrypted(server, ledgerServerId);
        Map<String, String> withServer = new java.util.HashMap<>(environment);
        if (!isBlank(plain.getPassword())) {
            withServer.put(LedgerLocation.PASSWORD_VARIABLE, plain.getPassword());
        }
        if (!isBlank(plain.getUsername())) {
            withServer.put("PGUSER", plain.getUsername());
        }
        return withServer;
    }

    private Server decrypted(Server server, String id) throws MojoExecutionException {
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : decrypted.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException("Cannot decrypt the password of <server> '" + id
                        + "' in settings.xml: " + problem.getMessage()
                        + " (see https://maven.apache.org/guides/mini/guide-encryption.html)");
            }
        }
        return decrypted.getServer();
    }

    /** Credentials from settings.xml, else from the environment; never logged (where they come from is). */
    Credentials credentials() throws MojoExecutionException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            credentialSource = "credentials from the environment";
            return Credentials.fromEnvironment(environment).orElseThrow(() -> new MojoExecutionException(
                    "No Gong credentials for gongcrm:upload. Add the access key and its secret to ~/.m2/settings.xml: "
                            + "<servers><server><id>" + serverId + "</id><username>ACCESS_KEY</username>"
                            + "<password>ACCESS_KEY_SECRET</password></server></servers> (mvn --encrypt-password "
                            + "encrypts the secret), or set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET (or "
                            + "GONG_BEARER_TOKEN) in the environment."));
        }
        Server plain = decrypted(server, serverId);
        if (isBlank(plain.getUsername()) || isBlank(plain.getPassword())) {
            throw new MojoExecutionException("<server> '" + serverId + "' in settings.xml needs <username> (the "
                    + "Gong access key) and <password> (the access key secret)");
        }
        credentialSource = "credentials of <server> '" + serverId + "' in settings.xml";
        return Credentials.basic(plain.getUsername(), plain.getPassword());
    }

    private GongCrmClient client() throws MojoExecutionException {
        Credentials credentials = credentials();
        String url = GongEnvironment.baseUrl(baseUrl, environment);
        try {
            GongCrmClient client = GongCrmClient.builder().baseUrl(url).credentials(credentials).build();
            getLog().info("gongcrm: Gong API " + url + " (" + credentialSource + ")");
            return client;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: baseUrl: " + e.getMessage(), e);
        }
    }

    /** The integration named by parameter or environment, or null. */
    private Long namedIntegration() throws MojoExecutionException {
        try {
            return GongEnvironment.integrationId(integrationId, environment);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private long integration(GongCrmClient client, Long named) throws MojoExecutionException {
        try {
            return Push.integration(client.api(ApiGeneration.ofProfile(settings().profile())), named,
                    note -> getLog().info("gongcrm: " + note));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("gongcrm:upload: " + e.getMessage()
                    + " (for Maven: <integrationId> or -Dgongcrm.integrationId=ID)", e);
        }
    }

    static Duration duration(String text, String parameter) throws MojoExecutionException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + parameter + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The goal's words for a push: a step's file relative to the project when it is inside it, the force parameter. */
    private PushWording wording() {
        Path base = basedir.toPath().toAbsolutePath();
        return new PushWording(step -> {
            Path file = step.file().toAbsolutePath();
            return step.label(file.startsWith(base) ? base.relativize(file).toString() : file.toString());
        }, "-Dgongcrm.force=true");
    }

    private Set<ObjectType> typesToDelete() throws MojoExecutionException {
        Set<ObjectType> types = java.util.EnumSet.noneOf(ObjectType.class);
        for (String name : deleteMissing == null ? List.<String>of() : deleteMissing) {
            try {
                types.add(ObjectType.parse(name));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Invalid gongcrm configuration: deleteMissing: " + e.getMessage(), e);
            }
        }
        return types;
    }

    /** The push's lines in the build log, at their levels, after one saying how many steps there are. */
    private final class StepLog extends PushNarrator {

        private final long integration;

        StepLog(long integration) {
            super(wording());
            this.integration = integration;
        }

        @Override
        public void planned(List<PlanStep> steps) {
            super.planned(steps);
            getLog().info("gongcrm: the bundle passed validation; " + steps.size() + " step(s) for integration "
                    + integration);
        }

        @Override
        protected void say(Level level, String line) {
            switch (level) {
                case INFO -> getLog().info(line);
                case WARNING -> getLog().warn(line);
                case ERROR -> getLog().error(line);
            }
        }
    }
}
