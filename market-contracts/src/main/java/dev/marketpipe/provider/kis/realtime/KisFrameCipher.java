package dev.marketpipe.provider.kis.realtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-CBC key and IV a subscribe answer gives for the subscription's encrypted frames ({@code 1|…}): the
 * payload is base64 of the PKCS#7-padded cipher text; key (32 characters) and IV (16) are used as their UTF-8 bytes,
 * as the official samples do.
 */
public record KisFrameCipher(String key, String iv) {

    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    /** The plain payload of {@code base64}; {@link KisFrameException} ({@code DECRYPTION}) when it does not decrypt. */
    public String decrypt(String base64) {
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getDecoder().decode(base64.trim()));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KisFrameException(KisFrameException.Kind.DECRYPTION, "the frame does not decrypt: " + e.getMessage(), e);
        }
    }

    /** {@code plain} encrypted as KIS sends it (for a feed that serves encrypted frames). */
    public String encrypt(String plain) {
        try {
            return Base64.getEncoder().encodeToString(
                    cipher(Cipher.ENCRYPT_MODE).doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }

    /** Key and IV are not printed: they decrypt the subscription's frames. */
    @Override
    public String toString() {
        return "KisFrameCipher[***]";
    }
}
