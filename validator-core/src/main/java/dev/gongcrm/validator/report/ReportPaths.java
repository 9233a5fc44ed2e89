package dev.gongcrm.validator.report;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** How reports name files: the way code-scanning tools resolve them against the checkout. */
public final class ReportPaths {

    private ReportPaths() {
    }

    /**
     * {@code file} relative to {@code base} when it lies inside it, absolute when it does not (a relative
     * name that climbs out with {@code ..} would mean nothing to a tool that resolves it against the
     * checkout). A name that is no path ({@code <stdin>} on a system that refuses it) stays as it is.
     */
    public static String relative(String file, Path base) {
        try {
            Path absoluteBase = base.toAbsolutePath().normalize();
            Path absolute = absoluteBase.resolve(file).normalize();
            if (absolute.startsWith(absoluteBase)) {
                return absoluteBase.relativize(absolute).toString();
            }
            // named through a symbolic link (a shell's $PWD, macOS's /tmp): inside the base all the same?
            Path realBase = absoluteBase.toRealPath();
            Path real = absolute.toRealPath();
            return real.startsWith(realBase) ? realBase.relativize(real).toString() : absolute.toString();
        } catch (InvalidPathException | IOException e) {
            return absoluteOrAsGiven(file, base);
        }
    }

    private static String absoluteOrAsGiven(String file, Path base) {
        try {
            return base.toAbsolutePath().normalize().resolve(file).normalize().toString();
        } catch (InvalidPathException e) {
            return file;
        }
    }
}
