// Clean (owned child two final fields down): `job` is a local initialised with `new BackupJob(...)`, whose
// constructor makes its Backup, whose constructor makes its Catalog. Both include calls (Catalog -> Segment) run
// before job.run() starts any upload thread; no other thread can reach the catalog then, so the uploads'
// Segment -> Catalog callback inverts nothing.
package heldout.phases.owned1;

public final class Operator {
    public void nightly() {
        BackupJob job = new BackupJob("s3://backups/nightly");
        job.include("users").include("orders");
        job.run();
    }

    public static void main(String[] args) {
        new Operator().nightly();
    }
}
