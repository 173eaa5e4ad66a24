// Models: a cluster membership callback interface.
package heldout.listener1;

import java.util.Set;

public interface MembershipListener {
    void membersChanged(Set<String> live);
}
