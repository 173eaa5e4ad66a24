package dev.lockcheck.agent;

/** LC205: a thread holding a StampedLock (either stamp) asks for it again in a blocking form. */
final class NonReentrantReacquire extends Immediate {
    NonReentrantReacquire(Reporter r, HandoffDeadlock live, Options o) {
        super(r, live, o);
    }

    @Override
    String id() {
        return "LC205";
    }

    @Override
    String name() {
        return "NonReentrantReacquire";
    }

    @Override
    String message(String lock, int heldMode, int askedMode) {
        return "StampedLock " + lock + " asked for again (" + Names.mode(askedMode).describe() + ") while this thread holds its "
                + Names.mode(heldMode).describe() + ": StampedLock is not reentrant, this blocks as soon as a writer"
                + " is waiting, or at once (pass the stamp down instead of re-locking)";
    }
}
