#!/usr/bin/env bash
# Agent overhead: runs the JMH benchmarks without and with the agent and prints both tables.
#   mvn -q -Pbench -pl analyzer-agent,bench-agent -am package -DskipTests && bench-agent/run.sh
# Extra arguments go to JMH (defaults: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench-agent/target/benchmarks.jar
agent=analyzer-agent/target/lockcheck-agent.jar
args=(-f 1 -wi 3 -w 1s -i 5 -r 1s "$@")
echo "== without the agent"
java -jar "$jar" AgentOverhead "${args[@]}" 2>&1 | sed -n '/^Benchmark/,$p'
echo "== with the agent"
java -jar "$jar" AgentOverhead "${args[@]}" -jvmArgsAppend "-javaagent:$agent=report=${TMPDIR:-/tmp}/lockcheck-bench.json" 2>&1 | sed -n '/^Benchmark/,$p'
