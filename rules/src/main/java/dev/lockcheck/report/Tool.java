package dev.lockcheck.report;

public record Tool(String name, String version) {
    public static final String VERSION = "0.1.0";
    public static final Tool LOCKCHECK = new Tool("lockcheck", VERSION);
}
