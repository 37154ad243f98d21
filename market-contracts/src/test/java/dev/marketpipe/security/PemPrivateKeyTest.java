package dev.marketpipe.security;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signing key reads the same from PKCS#8 (openssl genpkey) and PKCS#1 (Helm's genPrivateKey) PEM. */
class PemPrivateKeyTest {

    private static final String KEYS = "dev/marketpipe/security/";

    @Test
    void pkcs1AndPkcs8OfOneKeyAreTheSameKey() {
        assertArrayEquals(PemPrivateKey.read(KEYS + "pkcs8.pem").getEncoded(),
                PemPrivateKey.read(KEYS + "pkcs1.pem").getEncoded());
    }

    @Test
    void aFileWinsOverTheClassPath() throws Exception {
        Path file = Files.createTempFile("signing", ".pem");
        try {
            Files.writeString(file, new String(getClass().getClassLoader().getResourceAsStream(KEYS + "pkcs1.pem")
                    .readAllBytes()));
            assertEquals("RSA", PemPrivateKey.read(file.toString()).getAlgorithm());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void somethingElseIsRefusedNamingTheLocation() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PemPrivateKey.read("/nowhere/key.pem"));
        assertTrue(missing.getMessage().contains("/nowhere/key.pem"), missing.getMessage());
    }
}
