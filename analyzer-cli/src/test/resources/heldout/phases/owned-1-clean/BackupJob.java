// A backup job owns a Backup (final field, `new` in the constructor), which owns its Catalog (final field,
// `new` in the constructor): the catalog is reached from the job through two final fields.
package heldout.phases.owned1;

public final class BackupJob {
    private final Backup backup;

    public BackupJob(String target) {
        this.backup = new Backup(target);
    }

    public BackupJob include(String table) {
        backup.add(table);
        return this;
    }

    public void run() {
        backup.upload();
    }
}

final class Backup {
    private final Catalog catalog;

    Backup(String target) {
        this.catalog = new Catalog(target);
    }

    void add(String table) {
        catalog.register(table);
    }

    void upload() {
        catalog.uploadAll();
    }
}
