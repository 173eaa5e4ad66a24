// Deadlock (the child is injected, not owned): both jobs are fresh locals, but their catalog is the shared one
// given to their constructors. After nightly.run() segment users is uploading; adhoc.include("users") holds the
// catalog and waits for segment users' monitor (pin), while the upload thread holds it and waits for the catalog
// in segmentUploaded.
package heldout.phases.owned2;

public final class Operator {
    public void backups() {
        Catalog catalog = new Catalog("s3://backups");
        BackupJob nightly = new BackupJob(catalog);
        nightly.include("users");
        nightly.run();
        BackupJob adhoc = new BackupJob(catalog);
        adhoc.include("users");
        adhoc.run();
    }

    public static void main(String[] args) {
        new Operator().backups();
    }
}
