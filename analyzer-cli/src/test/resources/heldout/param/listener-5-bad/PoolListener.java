// Models: a listener interface whose only implementation in the sources is a lambda registered through a builder.
package heldout.listener5;

@FunctionalInterface
public interface PoolListener {
    void exhausted(String pool, int inUse);
}
