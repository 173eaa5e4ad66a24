package dev.lockcheck.agent;

/** LC203: a thread holding read(L) asks for write(L) of the same ReentrantReadWriteLock: reported before it blocks. */
final class ReadToWriteUpgrade extends Immediate {
    ReadToWriteUpgrade(Reporter r, HandoffDeadlock live, Options o) {
        super(r, live, o);
    }

    @Override
    String id() {
        return "LC203";
    }

    @Override
    String name() {
        return "ReadToWriteUpgrade";
    }

    @Override
    String message(String lock, int heldMode, int askedMode) {
        return "write lock of " + lock + " requested while this thread holds its read lock: it waits for itself forever"
                + " (release the read lock first, then re-check the state under the write lock)";
    }
}
