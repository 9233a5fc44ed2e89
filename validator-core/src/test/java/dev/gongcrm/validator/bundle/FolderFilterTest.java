package dev.gongcrm.validator.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which files of a bundle folder a run takes: subfolders only when recursive, narrowed by include and exclude globs. */
class FolderFilterTest {

    @TempDir
    Path folder;

    private List<String> names(BundleScanner.FolderFilter filter) throws Exception {
        return new BundleScanner(Map.of(), filter).scan(List.of(folder)).stream().map(BundleFile::name)
                .map(name -> folder.relativize(Path.of(name)).toString().replace('\\', '/')).toList();
    }

    @Test
    void subfoldersCountOnlyWhenRecursiveAndGlobsNarrowTheFiles() throws Exception {
        Files.writeString(folder.resolve("accounts.ldjson"), "{}\n");
        Files.writeString(folder.resolve("deal.schema.json"), "[]");
        Files.writeString(folder.resolve("README.md"), "notes");
        Files.createDirectories(folder.resolve("2024"));
        Files.writeString(folder.resolve("2024/deals.ldjson"), "{}\n");
        Files.writeString(folder.resolve("2024/leads.ldjson"), "{}\n");

        assertEquals(List.of("accounts.ldjson", "deal.schema.json"), names(BundleScanner.FolderFilter.DEFAULT));
        assertEquals(List.of("2024/deals.ldjson", "2024/leads.ldjson", "accounts.ldjson", "deal.schema.json"),
                names(new BundleScanner.FolderFilter(List.of(), List.of(), true)));
        assertEquals(List.of("2024/deals.ldjson", "accounts.ldjson"),
                names(new BundleScanner.FolderFilter(List.of("**/deals.ldjson", "accounts.*"), List.of(), true)));
        assertEquals(List.of("2024/deals.ldjson", "accounts.ldjson", "deal.schema.json"),
                names(new BundleScanner.FolderFilter(List.of(), List.of("**/leads*"), true)));
        assertEquals(List.of("accounts.ldjson"),
                names(new BundleScanner.FolderFilter(List.of("*.ldjson"), List.of(), false)));
    }
}
