package dev.gongcrm.client.push;

import dev.gongcrm.client.Sha256;
import dev.gongcrm.validator.bundle.BundleFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each file's bytes as validation read them, by file name: the planner and the upload
 * check against it that the bytes sent are the bytes validated, even when a file is rewritten while
 * the push runs.
 */
final class ValidatedBytes {

    private final Map<String, String> sha256 = new ConcurrentHashMap<>();

    /** The files, read through a digest as the validator reads them (on its worker threads). */
    List<BundleFile> watch(List<BundleFile> files) {
        return files.stream().map(file -> new BundleFile(file.name(), file.kind(), file.type(), file.size(),
                () -> new Digesting(file.name(), file.opener().open()))).toList();
    }

    Map<String, String> sha256() {
        return Map.copyOf(sha256);
    }

    /** Hashes what is read; at close, what was left unread too, so the hash is of the whole file. */
    private final class Digesting extends FilterInputStream {
        private final String name;
        private final MessageDigest digest;
        private boolean closed;

        Digesting(String name, InputStream in) {
            super(null);
            this.name = name;
            this.digest = Sha256.digest();
            this.in = new DigestInputStream(in, digest);
        }

        /** Read, not skipped: skipped bytes would escape the digest. */
        @Override
        public long skip(long n) throws IOException {
            return in.readNBytes((int) Math.min(n, Integer.MAX_VALUE)).length;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                in.transferTo(OutputStream.nullOutputStream());
                sha256.put(name, HexFormat.of().formatHex(digest.digest()));
            } finally {
                super.close();
            }
        }
    }

}
