package dev.gongcrm.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** gongcrm:report as mvn site drives it: canGenerateReport, then generate into the site's folder. */
class ReportMojoTest {

    @TempDir
    Path folder;

    private final List<String> printed = new ArrayList<>();

    private ReportMojo mojo() {
        ReportMojo mojo = new ReportMojo();
        mojo.basedir = folder.toFile();
        mojo.failIfNoFiles = true;
        mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
        mojo.setReportOutputDirectory(folder.resolve("target/site").toFile());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                printed.add(content.toString());
            }
        });
        return mojo;
    }

    /** Findings are what the page shows: they never fail the site. */
    @Test
    void aBrokenBundleIsAPageNotAFailedSite() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.copy(Path.of("../examples/broken-bundle/accounts.ldjson"), bundle.resolve("accounts.ldjson"));
        Files.writeString(bundle.resolve("deals.ldjson"), "{\"objectId\": \"d1\", \n");
        ReportMojo mojo = mojo();
        assertTrue(mojo.canGenerateReport());
        mojo.generate(null, Locale.ROOT);
        String page = Files.readString(folder.resolve("target/site/gongcrm.html"));
        assertTrue(page.contains("deals.ldjson"), "the broken line's file is on the page");
    }

    /**
     * With failIfNoFiles=false and no data, the goal writes no page; the site must then not be told that it
     * can generate one, or Project Reports links a gongcrm.html that does not exist (a dead link on the
     * published site, which link checkers and users hit).
     */
    @Test
    void withoutDataAndFailIfNoFilesFalseTheSiteLinksNoPageThatIsNotWritten() throws Exception {
        ReportMojo mojo = mojo();
        mojo.failIfNoFiles = false;
        if (mojo.canGenerateReport()) {
            mojo.generate(null, Locale.ROOT);
            assertTrue(Files.isRegularFile(folder.resolve("target/site/gongcrm.html")),
                    "the site lists gongcrm.html under Project Reports, but no page was written: " + printed);
        }
    }
}
