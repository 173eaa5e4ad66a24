// A backup job keeps a Backup (final field, `new` in the constructor), but the Backup's Catalog is the one given
// to the job's constructor: a final field assigned from a parameter, not with `new`.
package heldout.phases.owned2;

public final class BackupJob {
    private final Backup backup;

    public BackupJob(Catalog catalog) {
        this.backup = new Backup(catalog);
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

    Backup(Catalog catalog) {
        this.catalog = catalog;
    }

    void add(String table) {
        catalog.register(table);
    }

    void upload() {
        catalog.uploadAll();
    }
}
