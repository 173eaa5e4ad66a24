// Models: a listener that calls back into the topology's write path (safe: dispatch happens outside the lock).
package heldout.listener3;

import java.util.List;

public class RackPruner implements Topology.Listener {
    private final Topology topology;

    public RackPruner(Topology topology) {
        this.topology = topology;
    }

    @Override
    public void topologyChanged(List<String> racks) {
        for (String r : racks) {
            if (r.startsWith("retired-")) {
                topology.decommission(r);
            }
        }
    }
}
