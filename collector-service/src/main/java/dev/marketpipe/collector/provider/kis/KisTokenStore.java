package dev.marketpipe.collector.provider.kis;

import dev.marketpipe.collector.database.Transactions;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The provider's token in {@code collector.provider_token}, shared by every replica and kept across restarts (KIS
 * issues one token a minute and tells the account holder of each issuance). {@link #locked} holds the provider's row
 * lock for one decision (use the stored token, or request one), so two replicas never request at once. The token is
 * stored AES-GCM encrypted under a key derived from the app secret: the table alone gives no usable token.
 */
final class KisTokenStore {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataSource dataSource;
    private final String provider;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KisTokenStore(DataSource dataSource, String provider, String appSecret) {
        this.dataSource = dataSource;
        this.provider = provider;
        this.key = new SecretKeySpec(sha256("marketpipe provider token/" + provider + "/" + appSecret), "AES");
    }

    /** What the store holds for the provider. */
    record Stored(Optional<String> token, Instant expiresAt, Instant requestedAt) {
    }

    /** One decision under the provider's row lock. */
    interface Decision<T> {
        T decide(Stored stored, Writer writer) throws SQLException;
    }

    /** Writes within the decision's transaction. */
    interface Writer {
        void requested(Instant at) throws SQLException;

        void issued(String token, Instant expiresAt) throws SQLException;
    }

    <T> T locked(Decision<T> decision) {
        try {
            return Transactions.run(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO provider_token (provider) VALUES (?) ON CONFLICT (provider) DO NOTHING")) {
                    insert.setString(1, provider);
                    insert.executeUpdate();
                }
                return decision.decide(read(connection), writer(connection));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the shared token store is not reachable: " + e.getMessage(), e);
        }
    }

    private Stored read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token_cipher, expires_at, requested_at FROM provider_token WHERE provider = ? FOR UPDATE")) {
            select.setString(1, provider);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Stored(Optional.ofNullable(row.getString(1)).flatMap(this::decrypt),
                        instant(row.getTimestamp(2)), instant(row.getTimestamp(3)));
            }
        }
    }

    private Writer writer(Connection connection) {
        return new Writer() {
            @Override
            public void requested(Instant at) throws SQLException {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE provider_token SET requested_at = ? WHERE provider = ?")) {
                    update.setTimestamp(1, Timestamp.from(at));
                    update.setString(2, provider);
                    update.executeUpdate();
                }
            }

            @Override
            public void issued(String token, Instant expiresAt) throws SQLException {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE provider_token SET token_cipher = ?, expires_at = ? WHERE provider = ?")) {
                    update.setString(1, encrypt(token));
                    update.setTimestamp(2, Timestamp.from(expiresAt));
                    update.setString(3, provider);
                    update.executeUpdate();
                }
            }
        };
    }

    private String encrypt(String token) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the token", e);
        }
    }

    /** The stored token; empty when it was sealed under another secret (the app secret was rotated) or damaged. */
    private Optional<String> decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
