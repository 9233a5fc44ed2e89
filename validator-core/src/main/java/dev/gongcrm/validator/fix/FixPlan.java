package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.report.OutputGuard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fix run reads and where it writes, decided and checked before anything is written (see
 * {@link BundleFixer#planInto} and {@link BundleFixer#planInPlace}), so that a caller can check its own
 * outputs (reports) against it too before the fix starts.
 */
public final class FixPlan {

    private final List<BundleFile> files;
    private final Path outFolder;
    private final OutputGuard inputs;

    FixPlan(List<BundleFile> files, Path outFolder, OutputGuard inputs) {
        this.files = List.copyOf(files);
        this.outFolder = outFolder;
        this.inputs = inputs;
    }

    /** The bundle's files, as the scanner named them. */
    public List<BundleFile> files() {
        return files;
    }

    public boolean inPlace() {
        return outFolder == null;
    }

    /** The output folder; null in place. */
    Path outFolder() {
        return outFolder;
    }

    /** The files of the run: a part of a split file may land on none of them. */
    OutputGuard inputs() {
        return inputs;
    }

    /** The file each input becomes (a file split for its size becomes parts beside it instead). */
    public List<Path> targets() {
        List<Path> targets = new ArrayList<>();
        for (BundleFile file : files) {
            Path source = Path.of(file.name());
            targets.add(inPlace() ? source : outFolder.resolve(source.getFileName()));
        }
        return targets;
    }

    /**
     * The folders the run writes into, where its temporary files go: the output folder, or in place each
     * input's folder, named as the user named them.
     */
    public List<Path> folders() {
        if (!inPlace()) {
            return List.of(outFolder);
        }
        Map<Path, Path> folders = new LinkedHashMap<>();
        for (BundleFile file : files) {
            Path parent = Path.of(file.name()).getParent();
            Path folder = parent != null ? parent : Path.of(".");
            folders.putIfAbsent(folder.toAbsolutePath().normalize(), folder);
        }
        return List.copyOf(folders.values());
    }
}
