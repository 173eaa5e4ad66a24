// Compile-only stub of Guava's com.google.common.util.concurrent.Striped, NOT part of any case.
package com.google.common.util.concurrent;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

public abstract class Striped<L> {
    public abstract L get(Object key);

    public abstract L getAt(int index);

    public abstract int size();

    public static Striped<Lock> lock(int stripes) {
        return of(stripes, ReentrantLock::new);
    }

    public static Striped<ReadWriteLock> readWriteLock(int stripes) {
        return of(stripes, ReentrantReadWriteLock::new);
    }

    private static <L> Striped<L> of(int stripes, Supplier<L> make) {
        Object[] all = new Object[stripes];
        for (int i = 0; i < stripes; i++) all[i] = make.get();
        return new Striped<L>() {
            @SuppressWarnings("unchecked")
            @Override
            public L get(Object key) {
                return (L) all[Math.floorMod(key.hashCode(), stripes)];
            }

            @SuppressWarnings("unchecked")
            @Override
            public L getAt(int index) {
                return (L) all[index];
            }

            @Override
            public int size() {
                return stripes;
            }
        };
    }
}
