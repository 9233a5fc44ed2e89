package dev.gongcrm.validator.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportPathsTest {

    private static final Path BASE = Path.of("/work/project");

    @Test
    void aFileInsideTheBaseIsNamedRelativeToIt() {
        assertEquals(Path.of("data", "deals.ldjson").toString(), ReportPaths.relative("/work/project/data/deals.ldjson", BASE));
        assertEquals(Path.of("data", "deals.ldjson").toString(), ReportPaths.relative("./data/../data/deals.ldjson", BASE));
    }

    @Test
    void aFileOutsideTheBaseIsNamedAbsolutelyEvenWhenGivenRelatively() {
        assertEquals(Path.of("/work/other/deals.ldjson").toString(), ReportPaths.relative("../other/deals.ldjson", BASE));
        assertEquals(Path.of("/tmp/deals.ldjson").toString(), ReportPaths.relative("/tmp/deals.ldjson", BASE));
    }

    @Test
    void aFileNamedThroughASymbolicLinkToTheBaseIsStillRelative(@TempDir Path folder) throws Exception {
        Path real = Files.createDirectories(folder.resolve("real/bundle"));
        Files.writeString(real.resolve("deals.ldjson"), "");
        Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("real"));
        assertEquals(Path.of("bundle", "deals.ldjson").toString(),
                ReportPaths.relative(link.resolve("bundle/deals.ldjson").toString(), folder.resolve("real")));
        assertEquals(Path.of("bundle", "deals.ldjson").toString(),
                ReportPaths.relative(real.resolve("deals.ldjson").toString(), link));
    }

    @Test
    void standardInputKeepsItsName() {
        assertEquals("<stdin>", ReportPaths.relative("<stdin>", BASE));
    }
}
