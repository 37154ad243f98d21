package dev.marketpipe.archive.store.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.StoredEnvelope;
import dev.marketpipe.archive.store.StoredObject;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps envelopes as objects of an S3-compatible bucket, keyed exactly by their
 * refs ({@code raw/YYYY/MM/DD/…json}) below an optional key prefix. Several archive replicas may share the bucket.
 *
 * <p>Publishing never overwrites: every PUT of a new envelope carries {@code If-None-Match: *}, which the service
 * answers with 412 when the name exists — decided atomically by the service, also between replicas. A taken name
 * moves on to the next suffix — unless the object there holds exactly our bytes: then it is our own PUT, retried by
 * the SDK after its answer was lost. A PUT that returned is durable (S3's read-after-write consistency), and it carries
 * the SHA-256 of the bytes ({@code x-amz-checksum-sha256}), so the service refuses a body damaged on the way.
 * At start-up {@link ConditionalWriteProbe} checks that the service really refuses a second conditional PUT:
 * some S3-compatible services ignore the header and would silently overwrite.
 *
 * <p>With {@code conditionalWrites=false} (a service without conditional writes) a name is checked with HEAD
 * before the PUT; two writers can then both see a name free, so only one archive replica may write to the bucket.
 */
@Singleton
@Named("s3")
@Unremovable
public class S3ArchiveStore implements ArchiveStore, Closeable {

    /** More envelopes than this under one name means something is wrong upstream, not a reason to loop on. */
    private static final int MAX_SUFFIX = 10_000;

    /** S3 answers 409 while a concurrent conditional write to the same name is in flight; ask again this often. */
    private static final int CONFLICT_ATTEMPTS = 5;

    private static final EnvelopeFormat ENVELOPES = new EnvelopeFormat(new ObjectMapper());

    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;
    private final boolean conditionalWrites;

    /** The configured store ({@code marketpipe.archive.s3.*}); fails when the bucket cannot do safe writes. */
    @Inject
    public S3ArchiveStore(S3StoreConfig config) {
        this(S3Clients.create(config), S3Clients.bucketOf(config), config.keyPrefix().orElse(""),
                config.conditionalWrites());
        verifyConditionalWrites();
    }

    /**
     * A store on {@code bucket} through {@code client}, publishing with conditional writes; the store closes the
     * client on {@link #close()}.
     *
     * @param keyPrefix prepended to every ref ({@code ""} for none; a missing trailing {@code /} is added)
     */
    public S3ArchiveStore(S3Client client, String bucket, String keyPrefix) {
        this(client, bucket, keyPrefix, true);
    }

    /** As above; {@code conditionalWrites=false} only for a service without them, with a single writer. */
    public S3ArchiveStore(S3Client client, String bucket, String keyPrefix, boolean conditionalWrites) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix.isEmpty() || keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
        this.conditionalWrites = conditionalWrites;
    }

    /**
     * A store on the bucket {@code settings} describe — e.g. a backup target next to the configured archive —
     * verified like the configured one. Close it when done.
     */
    public static S3ArchiveStore open(S3Settings settings) {
        S3ArchiveStore store = new S3ArchiveStore(S3Clients.create(settings), S3Clients.bucketOf(settings),
                settings.keyPrefix().orElse(""), settings.conditionalWrites());
        try {
            store.verifyConditionalWrites();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Refuses to start on a bucket that would let a second PUT replace an envelope (see the class comment). */
    void verifyConditionalWrites() {
        if (conditionalWrites) {
            new ConditionalWriteProbe(client, bucket, keyPrefix).verify();
        }
    }

    @Override
    public StoredEnvelope put(ArchiveKey key, byte[] envelope) throws IOException {
        String sha256 = Sha256.hex(envelope);
        Set<Integer> taken = null;
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            if (taken != null && taken.contains(n)) {
                continue;
            }
            if (exists(objectKey(key.ref(n) + GZIP_SUFFIX))) {
                continue; // retention compressed this name's envelope: the name stays taken
            }
            if (publish(key.ref(n), envelope, sha256)) {
                return new StoredEnvelope(key.ref(n), sha256, envelope.length);
            }
            if (taken == null) {
                taken = suffixesTaken(key); // one listing instead of one refused PUT per existing name
            }
        }
        throw new IOException("more than " + MAX_SUFFIX + " envelopes named " + key.ref(1));
    }

    @Override
    public Optional<StoredEnvelope> find(ArchiveKey key, UUID batchId) throws IOException {
        Map<Integer, String> candidates = new TreeMap<>();
        for (StoredObject object : list(key.directory() + "/" + key.baseName())) {
            OptionalInt n = key.suffixOf(object.ref().substring(key.directory().length() + 1));
            if (n.isPresent()) {
                candidates.put(n.getAsInt(), object.ref());
            }
        }
        for (String ref : candidates.values()) {
            byte[] bytes = read(ref);
            Optional<UUID> id = ENVELOPES.batchIdOf(new ByteArrayInputStream(bytes));
            if (id.isPresent() && id.get().equals(batchId)) {
                return Optional.of(new StoredEnvelope(ref, Sha256.hex(bytes), bytes.length));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        String below = listPrefix(prefix);
        List<StoredObject> objects = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix + below)
                    .build();
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                objects.add(new StoredObject(object.key().substring(keyPrefix.length()), object.size()));
            }
        } catch (SdkException e) {
            throw failure("list " + below, e);
        }
        objects.sort(Comparator.comparing(StoredObject::ref));
        return objects;
    }

    @Override
    public byte[] read(String ref) throws IOException {
        String key = objectKey(ref);
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(key))) {
            return in.readAllBytes();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(ref);
        } catch (SdkException e) {
            throw failure("read " + ref, e);
        }
    }

    @Override
    public void replace(String ref, byte[] bytes) throws IOException {
        PutObjectRequest request = putRequest(ref, Sha256.hex(bytes)).build();
        try {
            client.putObject(request, RequestBody.fromBytes(bytes)); // a PUT is atomic: old or new, never a part
        } catch (SdkException e) {
            throw failure("replace " + ref, e);
        }
    }

    @Override
    public boolean delete(String ref) throws IOException {
        String key = objectKey(ref);
        if (!exists(key)) {
            return false; // S3's DELETE succeeds either way; the caller wants to know
        }
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            throw failure("delete " + ref, e);
        }
    }

    /** HEAD of the bucket: reachable, credentials accepted, bucket present. */
    @Override
    public void probe() throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw failure("reach the bucket", e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        client.close();
    }

    /** True when the envelope now lives at {@code ref}; false when the name was taken. */
    private boolean publish(String ref, byte[] envelope, String sha256) throws IOException {
        PutObjectRequest.Builder request = putRequest(ref, sha256);
        if (conditionalWrites) {
            request.ifNoneMatch("*");
        } else if (exists(objectKey(ref))) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                client.putObject(request.build(), RequestBody.fromBytes(envelope));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    return holdsExactly(ref, sha256);
                }
                if (e.statusCode() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw failure("publish " + ref, e);
                }
            } catch (SdkException e) {
                throw failure("publish " + ref, e);
            }
        }
    }

    /**
     * True when the object at {@code ref} has exactly these bytes: the SDK retries a PUT whose answer was lost, and
     * the retry's 412 then means our own first attempt got the name. An envelope holds its batch id, so equal
     * bytes are the same batch.
     */
    private boolean holdsExactly(String ref, String sha256) throws IOException {
        try {
            return Sha256.hex(read(ref)).equals(sha256);
        } catch (NoSuchFileException e) {
            return false; // deleted since; the next name will do
        }
    }

    private PutObjectRequest.Builder putRequest(String ref, String sha256) {
        return PutObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey(ref))
                .contentType(contentType(ref))
                .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)));
    }

    private Set<Integer> suffixesTaken(ArchiveKey key) throws IOException {
        Set<Integer> taken = new HashSet<>();
        for (StoredObject object : list(key.directory() + "/" + key.baseName())) {
            key.suffixOf(object.ref().substring(key.directory().length() + 1)).ifPresent(taken::add);
        }
        return taken;
    }

    private boolean exists(String objectKey) throws IOException {
        try {
            client.headObject(b -> b.bucket(bucket).key(objectKey));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false; // HEAD has no body, so S3 cannot say NoSuchKey
            }
            throw failure("look up " + objectKey, e);
        } catch (SdkException e) {
            throw failure("look up " + objectKey, e);
        }
    }

    private String objectKey(String ref) {
        return keyPrefix + RefRules.checkRef(ref);
    }

    /** Listing refs starting with {@code prefix}; a prefix shorter than {@code raw/} means all of {@code raw/}. */
    private static String listPrefix(String prefix) {
        return RefRules.RAW.startsWith(prefix) ? RefRules.RAW : RefRules.checkPrefix(prefix);
    }

    private static String contentType(String ref) {
        if (ref.endsWith(GZIP_SUFFIX)) {
            return "application/gzip";
        }
        if (ref.endsWith(".csv")) {
            return "text/csv";
        }
        return ref.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    private IOException failure(String what, SdkException e) {
        return new IOException("S3 bucket " + bucket + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
