package dev.gongcrm.client.push;

import dev.gongcrm.client.Sha256;
import dev.gongcrm.validator.bundle.BundleFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The SHA-256 of each file's bytes as validation read them, by file name: the planner and the upload
 * check against it that the bytes sent are the bytes validated, even when a file is rewritten while
 * the push runs.
 */
final class ValidatedBytes {

    private final Map<String, String> sha256 = new ConcurrentHashMap<>();

    /**
     * The files, read through a digest as the validator reads them, each also handed as it is read to
     * its {@code tap} (null for none): the planner's scan, which then works on the very bytes validated.
     */
    List<BundleFile> watch(List<BundleFile> files, Function<BundleFile, Lines.ByteSink> tap) {
        return files.stream().map(file -> new BundleFile(file.name(), file.kind(), file.type(), file.size(),
                () -> new Digesting(file.name(), file.opener().open(), tap.apply(file)))).toList();
    }

    Map<String, String> sha256() {
        return Map.copyOf(sha256);
    }

    /**
     * Hashes what is read and hands it to the tap; at close, what was left unread too, so that the hash
     * and the tap have the whole file.
     */
    private final class Digesting extends FilterInputStream {
        private final String name;
        private final MessageDigest digest;
        private final Lines.ByteSink tap;
        private boolean closed;

        Digesting(String name, InputStream in, Lines.ByteSink tap) {
            super(null);
            this.name = name;
            this.digest = tap == null || tap.needsSha256() ? Sha256.digest() : null;
            this.in = digest == null ? in : new DigestInputStream(in, digest);
            this.tap = tap;
        }

        @Override
        public int read() throws IOException {
            int read = in.read();
            if (read >= 0 && tap != null) {
                tap.accept(new byte[] {(byte) read}, 0, 1);
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0 && tap != null) {
                tap.accept(buffer, offset, read);
            }
            return read;
        }

        /** Read, not skipped: skipped bytes would escape the digest and the tap. */
        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 1 << 16)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                byte[] rest = new byte[1 << 16];
                while (read(rest, 0, rest.length) >= 0) {
                    // what validation left unread is hashed and scanned too
                }
                if (digest != null) {
                    sha256.put(name, HexFormat.of().formatHex(digest.digest()));
                }
                if (tap != null) {
                    tap.end();
                }
            } finally {
                super.close();
            }
        }
    }

}
