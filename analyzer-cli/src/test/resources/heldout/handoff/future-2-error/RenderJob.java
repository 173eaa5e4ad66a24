// The task behind render()'s future: it reads the neighbour tile through the store (one call to the read lock).
package heldout.handoff.future2;

import java.util.concurrent.Callable;

final class RenderJob implements Callable<byte[]> {
    private final TileStore store;
    private final int id;

    RenderJob(TileStore store, int id) {
        this.store = store;
        this.id = id;
    }

    @Override
    public byte[] call() {
        byte[] t = store.neighbour(id);
        return t.clone();
    }
}
