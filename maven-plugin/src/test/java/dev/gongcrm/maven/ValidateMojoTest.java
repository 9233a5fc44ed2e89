package dev.gongcrm.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter wiring: the POM configuration reaches the mojo, and the mojo turns it into a validation. */
@MojoTest
class ValidateMojoTest {

    private static final String CONFIGURED = "src/test/resources/unit/configured/pom.xml";

    @TempDir
    Path folder;

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void readsEveryParameterFromThePom(ValidateMojo mojo) {
        assertEquals(1, mojo.bundles.size());
        assertTrue(mojo.bundles.get(0).isAbsolute(), "Maven resolves File parameters against the project");
        assertTrue(mojo.bundles.get(0).getPath().endsWith("examples" + File.separator + "broken-bundle"));
        assertEquals("warning", mojo.violationSeverity);
        assertEquals(3, mojo.maxAllowedViolations);
        assertEquals(List.of("url-format", "domain-format"), mojo.select);
        assertEquals(Map.of("domain-format", "info"), mojo.severities);
        assertEquals(Map.of("export.ldjson", "deal"), mojo.types);
        assertEquals("current", mojo.profile);
        assertTrue(mojo.initialUpload);
        assertTrue(mojo.dialer);
        assertEquals(List.of("sarif"), mojo.formats);
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void countsOnlyViolationsAtTheConfiguredSeverity(ValidateMojo mojo) throws Exception {
        mojo.basedir = new File(".").getAbsoluteFile();
        mojo.profile = "legacy";
        mojo.bundles = List.of(new File("../examples/broken-bundle"));
        mojo.outputDirectory = folder.toFile();
        // url-format is a warning (one finding), domain-format was lowered to info: 1 <= 3 allowed
        mojo.execute();
        assertTrue(Files.isRegularFile(folder.resolve("gongcrm.sarif")));
        mojo.maxAllowedViolations = 0;
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("1 violation(s) at or above 'warning'"), failure.getMessage());
        assertFalse(failure.getMessage().contains("run 'gongcrm"), "a Maven user may have no command line to run");
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void skipReturnsBeforeAnyWork(ValidateMojo mojo) throws Exception {
        mojo.skip = true;
        mojo.bundles = List.of(new File("/does/not/exist"));
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void configurationMistakesAreExecutionExceptionsThatSayWhatToChange(ValidateMojo mojo) {
        mojo.basedir = folder.toFile();
        mojo.bundles = null;
        MojoExecutionException noData = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(noData.getMessage().contains(folder.resolve("src/main/gongcrm").toString()), noData.getMessage());
        mojo.violationSeverity = "fatal";
        MojoExecutionException badSeverity = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(badSeverity.getMessage().contains("violationSeverity"), badSeverity.getMessage());
        mojo.violationSeverity = "error";
        mojo.select = List.of("no-such-rule");
        MojoExecutionException badRule = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(badRule.getMessage().contains("unknown rule 'no-such-rule'"), badRule.getMessage());
        mojo.select = List.of();
        mojo.profile = "curent";
        MojoExecutionException badProfile = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(badProfile.getMessage().contains("unknown profile 'curent'; did you mean 'current'?"),
                badProfile.getMessage());
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void theProfileDecidesWhichRulesApply(ValidateMojo mojo) throws Exception {
        mojo.basedir = new File(".").getAbsoluteFile();
        mojo.bundles = List.of(new File("../examples/current-broken-bundle"));
        mojo.outputDirectory = folder.toFile();
        mojo.select = List.of("string-format");
        mojo.maxAllowedViolations = 0;
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("1 violation(s)"), failure.getMessage());
        mojo.profile = "legacy"; // the seed sets no limit on objectIds
        mojo.execute();
    }
}
