// Models: the one listener implementation: it calls back into the cluster and marks unreachable nodes down (write lock).
package heldout.listener1;

import java.util.Set;

public class LoadBalancer implements MembershipListener {
    private final Cluster cluster;
    private final Set<String> unreachable;

    public LoadBalancer(Cluster cluster, Set<String> unreachable) {
        this.cluster = cluster;
        this.unreachable = unreachable;
        cluster.addListener(this);
    }

    @Override
    public void membersChanged(Set<String> live) {
        for (String node : live) {
            if (unreachable.contains(node)) {
                cluster.markDown(node);
            }
        }
    }
}
