package lockcheck.samples.lc007;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clean: re-entering a monitor the thread already holds never waits, so it orders nothing. The
 * sensor is locked, then the registry, then the sensor's own synchronized method runs on the same
 * sensor (Kafka's Metrics.removeSensor). And one object locked under two names: the field
 * {@code moved} and the {@code this} of its synchronized methods (Hadoop's Dispatcher.movedBlocks).
 */
public final class ReentryIsNoOrder {
    static final class Sensor {
        private final List<String> metrics = new ArrayList<>();

        synchronized List<String> metrics() {
            return new ArrayList<>(metrics);
        }
    }

    static final class Moved {
        private final List<String> blocks = new ArrayList<>();

        synchronized boolean contains(String b) {
            return blocks.contains(b);
        }
    }

    private final Map<String, Sensor> sensors = new HashMap<>();
    private final Moved moved = new Moved();
    private int count;

    void removeSensor(String name) {
        Sensor sensor = sensors.get(name);
        if (sensor == null) return;
        synchronized (sensor) {
            synchronized (this) {
                count -= sensor.metrics().size();
            }
        }
    }

    void markMoved(String block) {
        synchronized (moved) {
            synchronized (this) {
                if (!moved.contains(block)) count++;
            }
        }
    }
}
