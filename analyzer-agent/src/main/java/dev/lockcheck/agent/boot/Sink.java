package dev.lockcheck.agent.boot;

/** The agent side, called off the hot path when an immediate rule fires (before the thread blocks). */
public interface Sink {
    /** LC203 (upgrade) or LC205 (StampedLock re-entry): the thread holds key at heldIndex and asks again. */
    void immediate(String ruleId, ThreadState ts, int heldIndex, Object key, int askedMode, int site);

    /** The application calls Runtime.halt: no shutdown hook will run, so the report is finished now. */
    default void halting() {
    }

    /** A failure inside the tracker: reported once, then the agent steps aside. */
    void failed(Throwable t);
}
