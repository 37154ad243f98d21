package dev.marketpipe.archive.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link ArchiveStore} around a real one that can stop the process "dead" before its n-th change (a kill -9
 * between two store operations), damage the bytes of the next writes (a faulty disk or transfer), and counts reads.
 */
public final class FaultInjectingStore implements ArchiveStore {

    /** Stands for the process being killed: nothing after it runs. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int mutation) {
            super("simulated crash before change #" + mutation);
        }
    }

    private final ArchiveStore delegate;
    private int mutations;
    private int crashBefore = -1;
    private int corruptWrites;
    private int reads;

    public FaultInjectingStore(ArchiveStore delegate) {
        this.delegate = delegate;
    }

    /** The n-th change (1-based, counting from now) throws {@link SimulatedCrash} instead of happening. */
    public FaultInjectingStore crashBeforeChange(int n) {
        crashBefore = mutations + n;
        return this;
    }

    /** The next {@code n} writes store their bytes with one bit flipped. */
    public FaultInjectingStore corruptNextWrites(int n) {
        corruptWrites = n;
        return this;
    }

    public int changes() {
        return mutations;
    }

    public int reads() {
        return reads;
    }

    @Override
    public StoredEnvelope put(ArchiveKey key, byte[] envelope) throws IOException {
        change();
        return delegate.put(key, envelope);
    }

    @Override
    public Optional<StoredEnvelope> find(ArchiveKey key, UUID batchId) throws IOException {
        return delegate.find(key, batchId);
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public byte[] read(String ref) throws IOException {
        reads++;
        return delegate.read(ref);
    }

    @Override
    public void replace(String ref, byte[] bytes) throws IOException {
        change();
        byte[] stored = bytes;
        if (corruptWrites > 0) {
            corruptWrites--;
            stored = bytes.clone();
            stored[stored.length / 2] ^= 0x04;
        }
        delegate.replace(ref, stored);
    }

    @Override
    public boolean delete(String ref) throws IOException {
        change();
        return delegate.delete(ref);
    }

    private void change() {
        mutations++;
        if (mutations == crashBefore) {
            throw new SimulatedCrash(mutations);
        }
    }
}
