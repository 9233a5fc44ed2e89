package dev.gongcrm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes, at build time, what the distribution archive carries beside the jar and cannot be written by hand
 * without drifting from the commands: the man pages ({@code man/man1}) and the shell completion script
 * ({@code completion/gongcrm.bash}, which zsh sources too).
 */
final class DistributionFiles {

    private DistributionFiles() {
    }

    /** @param args the folder to write into */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles FOLDER");
        }
        write(Path.of(args[0]));
    }

    static void write(Path folder) throws IOException {
        GongCrm root = new GongCrm(Map.of(), false);
        Path man = Files.createDirectories(folder.resolve("man").resolve("man1"));
        for (Map.Entry<String, String> page : ManPages.of(GongCrm.commandLine(root, null)).entrySet()) {
            Files.writeString(man.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        Path completion = Files.createDirectories(folder.resolve("completion"));
        Files.writeString(completion.resolve("gongcrm.bash"), CompletionCommand.script(root), StandardCharsets.UTF_8);
    }
}
