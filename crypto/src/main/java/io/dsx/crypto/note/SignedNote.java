package io.dsx.crypto.note;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.sign.Ed25519Raw;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.crypto.sign.SigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs and opens C2SP signed notes with Ed25519: {@code text (ending in \n) || \n || signature lines},
 * each line {@code "— " name " " base64(keyId[4] || signature[64]) "\n"}; the signature covers the text
 * including its final newline.
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {}

    /** The text signed by {@code key} (an Ed25519 key) under {@code name}. */
    public static String sign(String text, String name, SigningKey key) {
        checkText(text);
        if (key.algorithm() != SignatureAlgorithm.ED25519) {
            throw new IllegalArgumentException("signed notes here are Ed25519 only");
        }
        NoteVerifierKey vk = NoteVerifierKey.of(name, Ed25519Raw.raw(key.publicKey()));
        byte[] sig = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] blob =
                ByteBuffer.allocate(4 + sig.length).putInt(vk.keyId()).put(sig).array();
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * The note's text, if a signature by {@code key} is present and verifies. Signatures by other keys
     * are ignored; a signature by {@code key} that does not verify is BAD_SIGNATURE, as is a note with
     * none; a note that is not in the format is MALFORMED.
     */
    public static String open(String note, NoteVerifierKey key) throws CryptoException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n") || note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw malformed("not a signed note");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw malformed("too many signatures");
        }
        boolean verified = false;
        for (String line : lines) {
            verified |= checkLine(line, text, key);
        }
        if (!verified) {
            throw new CryptoException(CryptoException.Reason.BAD_SIGNATURE, "no signature by " + key.name());
        }
        return text;
    }

    /** True when the line is a valid signature by {@code key}; false when it is by another key. */
    private static boolean checkLine(String line, String text, NoteVerifierKey key) throws CryptoException {
        int space = line.lastIndexOf(' ');
        if (!line.startsWith(DASH) || space <= DASH.length()) {
            throw malformed("bad signature line");
        }
        String name = line.substring(DASH.length(), space);
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not base64");
        }
        if (blob.length < 5) {
            throw malformed("signature too short");
        }
        if (!name.equals(key.name()) || ByteBuffer.wrap(blob, 0, 4).getInt() != key.keyId()) {
            return false;
        }
        try {
            if (Signatures.verify(
                    Ed25519Raw.publicKey(key.publicKey()),
                    SignatureAlgorithm.ED25519,
                    text.getBytes(StandardCharsets.UTF_8),
                    Arrays.copyOfRange(blob, 4, blob.length))) {
                return true;
            }
        } catch (GeneralSecurityException e) {
            throw malformed("unusable Ed25519 key");
        }
        throw new CryptoException(CryptoException.Reason.BAD_SIGNATURE, "signature by " + key.name() + " is invalid");
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("note text must end in a newline and hold no other control characters");
        }
    }

    private static CryptoException malformed(String what) {
        return new CryptoException(CryptoException.Reason.MALFORMED, what);
    }
}
