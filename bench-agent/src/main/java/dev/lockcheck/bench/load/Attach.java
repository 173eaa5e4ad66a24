package dev.lockcheck.bench.load;

import com.sun.tools.attach.VirtualMachine;

/** Loads the agent into a running JVM, as {@code lockcheck attach PID} does. Usage: {@code Attach PID AGENT_JAR OPTIONS}. */
public final class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgent(args[1], args.length > 2 ? args[2] : null);
        } finally {
            vm.detach();
        }
    }
}
