// Deadlock through invokeAll, anonymous Callables and an inherited method: stats() holds rw.read (inherited field)
// and waits in invokeAll for tasks that call countMatching() (inherited, takes rw.read on the pool thread). An
// insert() queued for rw.write parks those first read holds; insert waits for stats' hold; stats waits for the tasks.
package heldout.handoff.future9;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class UserRepo extends AbstractRepo {
    private final ExecutorService pool;

    public UserRepo(ExecutorService pool) {
        this.pool = pool;
    }

    public void addUser(String name) {
        insert("user:" + name);
    }

    public int stats(List<String> prefixes) throws InterruptedException, ExecutionException {
        List<Callable<Integer>> jobs = new ArrayList<>();
        for (String p : prefixes) {
            jobs.add(new Callable<Integer>() {
                @Override
                public Integer call() {
                    return countMatching(p);
                }
            });
        }
        int total;
        List<Future<Integer>> done;
        rw.readLock().lock();
        try {
            total = rows.size();
            done = pool.invokeAll(jobs); // expect: LC001 error
        } finally {
            rw.readLock().unlock();
        }
        for (Future<Integer> f : done) {
            total += f.get();
        }
        return total;
    }
}
