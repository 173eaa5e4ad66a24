package dev.lockcheck.analysis.checks;

import dev.lockcheck.analysis.knowledge.DistributedLockApis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.lockcheck.analysis.Body;
import dev.lockcheck.analysis.BodyResult;
import dev.lockcheck.analysis.FindingSink;
import dev.lockcheck.analysis.ProjectFacts;
import dev.lockcheck.analysis.StaticCheck;
import dev.lockcheck.analysis.knowledge.DistributedLockApis.Meaning;
import dev.lockcheck.analysis.knowledge.DistributedLockApis.Row;
import dev.lockcheck.report.TraceStep;
import dev.lockcheck.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LC102: a Redis lock taken without an expiry in the same command ({@code setnx}, {@code set} with
 * NX and no PX/EX, Spring {@code setIfAbsent} without a timeout); a plain {@code del} of a key the
 * sources use as a lock key (a literal or constant by its text, a field by its class, a local per
 * declaration); a RedLock built over an even number of locks. Calls are rows of
 * {@code DistributedLockApis}.
 */
final class UnsafeDistributedLock implements StaticCheck {
    /** A file can only be concerned if it names one of the client types of this rule's rows. */
    @Override
    public java.util.Set<String> textTriggers() {
        java.util.Set<String> words = new java.util.LinkedHashSet<>(DistributedLockApis.typeWords(java.util.EnumSet.of(Meaning.ACQUIRE_NO_EXPIRY, Meaning.ACQUIRE_WITH_EXPIRY, Meaning.SET_EXPIRY, Meaning.RELEASE_PLAIN_DEL, Meaning.REDLOCK_CTOR)));
        return words;
    }

    @Override
    public String ruleId() {
        return "LC102";
    }

    @Override
    public void check(ProjectFacts project, FindingSink sink) {
        ClientCalls calls = new ClientCalls(project);
        Map<String, TraceStep> lockKeys = new HashMap<>();
        List<BodyResult> bodies = project.bodies();
        for (BodyResult b : bodies) {
            ClientCalls.calls(b.body().code(), e -> {
                Optional<Row> row = calls.row(e);
                if (row.isPresent() && takesLock(row.get()) && e instanceof MethodCallExpr mc && hasKeyArgument(row.get(), mc)) {
                    String key = calls.keyIdentity(mc.getArgument(0));
                    if (key != null) {
                        lockKeys.putIfAbsent(key, calls.step(mc, row.get().what() + " takes the lock " + mc.getArgument(0)));
                    }
                }
            });
        }
        for (BodyResult b : bodies) {
            Body body = b.body();
            List<Expression> expiries = new ArrayList<>();
            ClientCalls.calls(body.code(), e -> calls.row(e).filter(r -> r.is(Meaning.SET_EXPIRY)).ifPresent(r -> expiries.add(e)));
            ClientCalls.calls(body.code(), e -> {
                Optional<Row> row = calls.row(e);
                if (row.isEmpty()) {
                    return;
                }
                Row r = row.get();
                if (r.is(Meaning.ACQUIRE_NO_EXPIRY) && e instanceof MethodCallExpr mc) {
                    noExpiry(calls, sink, body, mc, r, expiries);
                } else if (r.is(Meaning.RELEASE_PLAIN_DEL) && e instanceof MethodCallExpr mc && mc.getArguments().size() == 1) {
                    String key = calls.keyIdentity(mc.getArgument(0));
                    TraceStep taken = key == null ? null : lockKeys.get(key);
                    if (taken != null) {
                        plainDelete(calls, sink, body, mc, r, taken);
                    }
                } else if (r.is(Meaning.REDLOCK_CTOR)) {
                    redLock(calls, sink, body, e, r);
                }
            });
        }
    }

    private static boolean takesLock(Row r) {
        return r.is(Meaning.ACQUIRE_NO_EXPIRY) || r.is(Meaning.ACQUIRE_WITH_EXPIRY);
    }

    /** Bound operations ({@code boundValueOps(key).setIfAbsent(value)}) carry the key in the receiver. */
    private static boolean hasKeyArgument(Row r, MethodCallExpr mc) {
        return !r.types().get(0).endsWith("BoundValueOperations") && !mc.getArguments().isEmpty();
    }

    private void noExpiry(ClientCalls calls, FindingSink sink, Body body, MethodCallExpr mc, Row r, List<Expression> expiries) {
        String key = mc.getArguments().isEmpty() ? "" : mc.getArgument(0).toString();
        Expression later = null;
        for (Expression x : expiries) {
            if (x instanceof MethodCallExpr ex && !ex.getArguments().isEmpty() && ex.getArgument(0).toString().equals(key)
                    && ClientCalls.line(ex) >= ClientCalls.line(mc)) {
                later = x;
                break;
            }
        }
        List<TraceStep> trace = new ArrayList<>();
        trace.add(calls.step(mc, r.what() + " takes the lock " + key + " without an expiry"));
        String how;
        if (later != null) {
            trace.add(calls.step(later, "the expiry comes in a second command"));
            how = "the expiry is set by a second command (line " + ClientCalls.line(later) + "), so a client that dies "
                    + "between the two leaves a lock that never expires";
        } else {
            how = "no expiry is ever set, so a client that dies while holding it leaves a lock nobody can take again";
        }
        String msg = "The Redis lock " + key + " is taken by " + r.what() + " without an expiry in the same command: " + how
                + ". Fix: SET key token NX PX ttl in one command (SetParams.setParams().nx().px(ttl), "
                + "SetArgs.Builder.nx().px(ttl), setIfAbsent(key, token, timeout)).";
        sink.report(ruleId(), Severity.ERROR, body, mc, msg, null, trace);
    }

    private void plainDelete(ClientCalls calls, FindingSink sink, Body body, MethodCallExpr mc, Row r, TraceStep taken) {
        String key = mc.getArgument(0).toString();
        String msg = "The lock " + key + " is released by " + r.what() + ", which deletes the key whoever holds it now: a client "
                + "whose lock expired while it was paused deletes the next owner's lock, and a third client enters next to "
                + "that owner. Fix: store a random token as the value and release with a compare-and-delete Lua script "
                + "(if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end).";
        sink.report(ruleId(), Severity.ERROR, body, mc, msg, null,
                List.of(taken, calls.step(mc, r.what() + " deletes " + key + " without checking its owner")));
    }

    private void redLock(ClientCalls calls, FindingSink sink, Body body, Expression e, Row r) {
        List<Expression> args = e instanceof ObjectCreationExpr oc ? oc.getArguments() : ((MethodCallExpr) e).getArguments();
        int n = args.size();
        if (n < 2 || n % 2 != 0) {
            return;
        }
        for (Expression a : args) {
            String t = calls.typeOf(a);
            if (t != null && t.endsWith("[]")) {
                return;
            }
        }
        String msg = "This RedLock is built over " + n + " locks: it needs a majority (" + (n / 2 + 1) + " of " + n + "), which "
                + "tolerates no more failed nodes than " + (n - 1) + " nodes would, adds a node that can fail, and lets two "
                + "contenders split the nodes " + (n / 2) + "-" + (n / 2) + " so that neither wins. Fix: use an odd number of "
                + "independent Redis nodes (3 or 5).";
        sink.report(ruleId(), Severity.WARNING, body, e, msg, null, List.of(calls.step(e, r.what() + " over " + n + " locks")));
    }
}
