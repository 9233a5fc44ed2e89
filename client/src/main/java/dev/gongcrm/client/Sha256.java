package dev.gongcrm.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which names uploads by their content and shows that the bytes sent are the bytes checked. */
public final class Sha256 {

    private Sha256() {
    }

    /** A new digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
