package lockcheck.samples.distributed;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Skips a demonstration whose server binary is absent, except on CI (CI=true), where that fails. */
final class RealServers {
    private RealServers() {
    }

    static void requireBinary(String executable, String debianPackage) {
        if (LocalServer.findBinary(executable).isPresent()) {
            return;
        }
        String message = executable + " is not installed (Debian: apt-get install " + debianPackage
                + "); .ci/run installs it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " -- CI=true, so the demonstration must run");
        }
        Assumptions.abort("demonstration skipped: " + message);
    }
}
