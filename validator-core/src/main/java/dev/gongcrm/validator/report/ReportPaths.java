package dev.gongcrm.validator.report;

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
            return absolute.startsWith(absoluteBase)
                    ? absoluteBase.relativize(absolute).toString()
                    : absolute.toString();
        } catch (InvalidPathException e) {
            return file;
        }
    }
}
