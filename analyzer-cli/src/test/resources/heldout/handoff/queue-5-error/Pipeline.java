// Holder of the handoff queue: a TransferQueue kept in a field of this object, shared by Catalog and its consumer.
package heldout.handoff.queue5;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TransferQueue;

final class Pipeline {
    final TransferQueue<String> stage = new LinkedTransferQueue<>();
}
