#!/usr/bin/env bash
# Deadlock programs nobody here wrote, run under the agent: the calfuzzer TestDeadlock* benchmarks
# (ksen007/calfuzzer) and the JaConTeBe deadlock reproductions (ChopinLi-cp/JaConTeBe_TSVD, folder
# jacontebe). Nothing of theirs is in this repository: give the script the two git repositories
# (a clone or a bare mirror of each) and it extracts, builds (javac) and runs each case at run time.
#
#   git clone --bare https://github.com/ksen007/calfuzzer.git /tmp/calfuzzer.git
#   git clone --bare https://github.com/ChopinLi-cp/JaConTeBe_TSVD.git /tmp/jacontebe.git
#   mvn -q -o package -DskipTests -pl analyzer-agent -am
#   bench-agent/outside.sh /tmp/calfuzzer.git /tmp/jacontebe.git [RUNS=5] [TIMEOUT_SECONDS=40]
#
# Each run: java -javaagent:lockcheck-agent.jar=onDeadlock=exit,interval=200 under `timeout`.
#   deadlocked         the agent halted it (86) or reported LC201, the case's own ThreadMXBean monitor
#                      said "Deadlock detected", or it was still stuck at the timeout
#   out of time        still running at the timeout: a thread dump (SIGQUIT) says whether the JVM
#                      itself sees a deadlock (a true live miss), then it is killed
#   ended by itself    a deadlock case that did not hang this time: reported when the report has
#                      LC204 (or LC201/LC202); a case without a deadlock: any finding is a false alarm
# Prints one line per case and the totals: live recall (hangs reported / hangs), predicted recall
# (runs of deadlock cases that did not hang, reported / all such runs), false alarms.
set -u
CALFUZZER=${1:?calfuzzer git dir}
JACONTEBE=${2:?JaConTeBe_TSVD git dir}
RUNS=${3:-5}
TIMEOUT=${4:-40} # JaConTeBe's own monitors give up after 30 s
HERE=$(cd "$(dirname "$0")/.." && pwd)
AGENT=${AGENT:-$HERE/analyzer-agent/target/lockcheck-agent.jar}
WORK=${WORK:-$HERE/bench-agent/target/outside}
JAVA=${JAVA:-java}
ONLY=${ONLY:-} # a regular expression: run only the cases whose name matches
JAVAC=${JAVAC:-javac}
# old code on JDK 17: mockito/cglib and the JDK-bug reproductions reach into java.base
OPENS="--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED --add-opens java.base/java.net=ALL-UNNAMED
 --add-exports java.base/sun.reflect.annotation=ALL-UNNAMED --add-exports java.base/sun.net.www.protocol.http=ALL-UNNAMED"
EXPORTS="--add-exports java.base/sun.reflect.annotation=ALL-UNNAMED --add-exports java.base/sun.net.www.protocol.http=ALL-UNNAMED"
[ -f "$AGENT" ] || { echo "no agent jar at $AGENT (mvn -q -o package -DskipTests -pl analyzer-agent -am)"; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

git_extract() { # git dir, path, destination: file by file, skipping .svn copies and blobs the clone lacks
    mkdir -p "$3"
    git --git-dir="$1" ls-tree -r HEAD -- "$2" | grep -v '/\.svn/' | while read -r _mode type sha path; do
        [ "$type" = blob ] || continue
        mkdir -p "$3/$(dirname "$path")"
        git --git-dir="$1" cat-file blob "$sha" > "$3/$path" 2>/dev/null || rm -f "$3/$path"
    done
}

# findings of one report, as "LC201 LC204" (empty when none or no report)
rules_of() {
    [ -f "$1" ] || return 0
    grep -o '"ruleId" *: *"LC[0-9]*"' "$1" | grep -o 'LC[0-9]*' | sort -u | tr '\n' ' '
}

# run_case NAME EXPECTED(deadlock|none) DIR CLASSPATH MAIN [JVM options...]
run_case() {
    local name=$1 expected=$2 dir=$3 cp=$4 main=$5
    shift 5
    if [ -n "$ONLY" ] && ! [[ "$name" =~ $ONLY ]]; then return 0; fi
    local hung=0 live=0 missed=0 jvmseen=0 ended=0 predicted=0 alarms=0
    local file=${name//\//_}
    for r in $(seq 1 "$RUNS"); do
        local rep="$WORK/reports/$file-$r.json"
        mkdir -p "$WORK/reports"
        rm -f "$rep"
        (cd "$dir" && exec "$JAVA" $OPENS "$@" \
            -javaagent:"$AGENT"=report="$rep",onDeadlock=exit,interval=200 -cp "$cp" $main \
            > "$WORK/reports/$file-$r.out" 2> "$WORK/reports/$file-$r.err" < /dev/null) &
        local pid=$! waited=0 rc
        while kill -0 "$pid" 2>/dev/null && [ $waited -lt $((TIMEOUT * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
        local jvm=""
        if kill -0 "$pid" 2>/dev/null; then
            # out of time: the JVM's own thread dump says whether it sees a deadlock, then it is killed
            kill -QUIT "$pid" 2>/dev/null; sleep 1
            grep -q "Found one Java-level deadlock" "$WORK/reports/$file-$r.out" && jvm=" jvm-deadlock"
            kill -KILL "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null
            rc=137
        else
            wait "$pid"; rc=$?
        fi
        local found said
        found=$(rules_of "$rep")
        said=$(grep -m1 -o "Deadlock detected\|No deadlock is detected\|[A-Za-z ]*waiting[A-Za-z ]*detected[A-Za-z ]*" "$WORK/reports/$file-$r.out" 2>/dev/null)
        # a deadlock happened: the agent halted (86), it reported LC201 (the case's own exit may win the
        # race), the case's own ThreadMXBean monitor saw one, or the run was still stuck at the timeout
        if [ $rc -eq 86 ] || [[ "$found" == *LC201* ]] || [ "$said" = "Deadlock detected" ] || [ $rc -eq 137 ]; then
            hung=$((hung + 1))
            if [[ "$found" == *LC201* ]]; then
                live=$((live + 1))
                [ "$expected" = none ] && alarms=$((alarms + 1))
            else
                missed=$((missed + 1))
                { [ -n "$jvm" ] || [ "$said" = "Deadlock detected" ]; } && jvmseen=$((jvmseen + 1))
            fi
        else
            ended=$((ended + 1))
            if [ -n "$found" ]; then
                if [ "$expected" = deadlock ]; then predicted=$((predicted + 1)); else alarms=$((alarms + 1)); fi
            fi
        fi
        echo "  $name run $r: exit $rc${jvm} ${found:-(no finding)} ${said:+(the case says: $said)}" >> "$WORK/runs.log"
    done
    printf '%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$name" "$expected" "$hung" "$live" "$missed" "$jvmseen" "$ended" "$predicted" "$alarms" \
        | tee -a "$RESULTS"
}

echo -e "case\texpected\tdeadlocked\tlive-reported\tnot-reported\tof-which-jvm-names-it\tended\tpredicted\tfalse-alarm-runs"

# ------------------------------------------------------------------ calfuzzer TestDeadlock*
CF="$WORK/calfuzzer"
git_extract "$CALFUZZER" test/benchmarks/testcases "$CF/src"
for f in "$CF"/src/test/benchmarks/testcases/TestDeadlock*.java; do
    n=$(basename "$f" .java)
    out="$CF/classes/$n"
    mkdir -p "$out"
    [ "$n" = TestDeadlock5 ] && { echo -e "calfuzzer/$n\t(skipped: the elevator simulation needs an input file)"; continue; }
    extra=""
    [ "$n" = TestDeadlock4b ] && extra="$CF/src/test/benchmarks/testcases/TestDeadlock4.java" # uses 4's threads
    # each file declares its own helper classes (Thread1...): one output directory per case
    if ! "$JAVAC" -nowarn -d "$out" "$f" $extra > "$out.javac.log" 2>&1; then
        echo -e "calfuzzer/$n\t(does not compile)"; continue
    fi
    # ground truth, read from the code: every case has a lock cycle that distinct threads can close,
    # except the gate-lock cases 2 and 2a (calfuzzer's own logs confirm all but 6, whose 4-thread
    # cycle o1->o2->l4->l5->o1 has no common gate and can close)
    expected=deadlock
    case $n in TestDeadlock2|TestDeadlock2a) expected=none ;; esac
    run_case "calfuzzer/$n" "$expected" "$out" "$out" "benchmarks.testcases.$n"
done

# ------------------------------------------------------------------ JaConTeBe deadlock reproductions
JB="$WORK/jacontebe"
git_extract "$JACONTEBE" jacontebe "$JB"
JB="$JB/jacontebe"
JAVA_BIN_DIR=$(dirname "$(command -v "$JAVA")")
# the deadlock cases of each project's description/index (bug type "deadlock" or "wait-notify deadlock")
CASES="dbcp:270 dbcp:65 derby:4129 derby:5447 derby:5560 derby:764 groovy:4736 jdk6:6492872 jdk6:6582568
jdk6:6588239 jdk6:6927486 jdk6:6977738 jdk6:6934356 jdk6:6648001 jdk7:7122142 jdk7:8012019 jdk7:8010939
log4j:38137 log4j:41214 log4j:50463 lucene:1544 lucene:2783 pool:146 pool:149 pool:162"
for c in $CASES; do
    proj=${c%%:*}; bug=${c##*:}
    script="$JB/$proj/scripts/$bug.sh"
    [ -f "$script" ] || { echo -e "jacontebe/$proj-$bug\t(no script)"; continue; }
    # read the case's settings from its own script, without running it: javac sources, main class,
    # class path, JVM options (their scripts start a different agent)
    vars=$(cd "$JB/$proj" && bash -c '
        compile_and_run() { printf "SRC=%q\nMAIN=%q\nCDEP=%q\nRDEP=%q\nOPT=%q\n" "$classes_to_compile" "$class_to_run" \
            "${compile_dependencies:-lib/*:../lib/*}" "${runtime_dependencies:-}" "${Opt:-}"; }
        compile_and_run_0() { compile_and_run; }
        check_java_version() { JAVAL=x; MAJORVER=6; MINORVER=01; param=""; }
        report_warning() { :; }
        source() { :; }
        . "'"$script"'" ' 2>/dev/null)
    SRC=""; MAIN=""; CDEP=""; RDEP=""; OPT=""
    eval "$(grep -E '^(SRC|MAIN|CDEP|RDEP|OPT)=' <<< "$vars")" # a script may also print text of its own
    if [ -z "$MAIN" ]; then echo -e "jacontebe/$proj-$bug\t(script not understood)"; continue; fi
    (cd "$JB/$proj" && mkdir -p bin && "$JAVAC" -nowarn $EXPORTS -cp "$CDEP:../jacontebe/src" -d bin $SRC \
        > "$WORK/jacontebe-$proj-$bug.javac.log" 2>&1)
    if [ $? -ne 0 ]; then echo -e "jacontebe/$proj-$bug\t(does not compile: $(head -c 120 "$WORK/jacontebe-$proj-$bug.javac.log" | tr '\n' ' '))"; continue; fi
    run_case "jacontebe/$proj-$bug" deadlock "$JB/$proj" "${RDEP:-$CDEP:bin}" "$MAIN" $OPT
done

# ------------------------------------------------------------------ totals
awk -F'\t' -v runs="$RUNS" -v t="$TIMEOUT" '
    NF >= 9 {
        if ($2 == "deadlock") { hung += $3; live += $4; out += $5; jvm += $6; ended += $7; pred += $8; dcases++; if ($4 + $8 > 0) dseen++ }
        else { ncases++; alarms += $9; if ($9 > 0) nal++ }
    }
    END {
        printf "\n%d runs per case, %d s timeout\n", runs, t
        printf "live:      %d of %d runs where a deadlock happened were reported (LC201); of the %d not reported,\n", live, hung, out
        printf "           %d had a deadlock the JVM itself names (a true live miss), the others were stuck or slow\n", jvm
        printf "predicted: %d of %d runs of deadlock cases that did not hang were reported\n", pred, ended
        printf "cases:     %d of %d deadlock cases reported in at least one run\n", dseen, dcases
        printf "false alarms: %d runs of %d cases without a deadlock (%d cases)\n", alarms, ncases, nal
    }' "$RESULTS"
