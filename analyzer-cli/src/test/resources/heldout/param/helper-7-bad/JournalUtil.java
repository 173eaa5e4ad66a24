// Models: a static helper that locks the journal it is given (synchronized on a parameter).
package heldout.helper7;

final class JournalUtil {
    private JournalUtil() {
    }

    static void appendLocked(Journal journal, String line) {
        synchronized (journal) {
            journal.lines.add(line);
        }
    }
}
