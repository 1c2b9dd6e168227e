/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH benchmark method with the run's forks and iterations and returns its score. JMH forks a fresh JVM
 * per fork (same class path), so every figure starts from a cold JIT and a clean heap; a smoke run uses no fork.
 */
public final class JmhRun {

    /**
     * A JMH score: the mean over all measured iterations of all forks, and the half-width of its 99.9 %
     * confidence interval (NaN with fewer than two iterations).
     *
     * @param score the mean, per second for throughput
     * @param error the half-width of the confidence interval
     */
    public record Score(double score, double error) {
        static Score of(Result<?> result) {
            return new Score(result.getScore(), result.getScoreError());
        }
    }

    /**
     * The primary score and the auxiliary counters of one run.
     *
     * @param primary operations per second
     * @param counters every auxiliary counter, as a rate per second
     */
    public record Scores(Score primary, Map<String, Score> counters) {

        /** @return the rate of one counter */
        public Score counter(String name) {
            Score score = counters.get(name);
            if (score == null) {
                throw new IllegalStateException("JMH reported no counter " + name + ": " + counters.keySet());
            }
            return score;
        }
    }

    private JmhRun() {
    }

    /**
     * @param options forks and iterations
     * @param benchmark the benchmark class
     * @param method the benchmark method
     * @param params JMH parameters, overriding the class's defaults
     * @param jvmArgs extra arguments of the forked JVMs
     * @return the scores
     * @throws RunnerException when the benchmark fails
     */
    public static Scores run(RunOptions options, Class<?> benchmark, String method, Map<String, String> params,
            List<String> jvmArgs) throws RunnerException {
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\." + Pattern.quote(method) + "$")
                .forks(options.jmhForks())
                .warmupIterations(options.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(options.jmhIterationTime().toMillis()))
                .measurementIterations(options.jmhIterations())
                .measurementTime(TimeValue.milliseconds(options.jmhIterationTime().toMillis()))
                .shouldFailOnError(true)
                .verbosity(options.smoke() ? VerboseMode.SILENT : VerboseMode.NORMAL);
        params.forEach((name, value) -> jmh.param(name, value));
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        args.addAll(jvmArgs);
        jmh.jvmArgsAppend(args.toArray(String[]::new));
        Collection<RunResult> results = new Runner(jmh.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result of " + benchmark.getSimpleName() + "." + method
                    + ", got " + results.size());
        }
        RunResult result = results.iterator().next();
        Map<String, Score> counters = new java.util.TreeMap<>();
        result.getSecondaryResults().forEach((name, value) -> counters.put(name, Score.of(value)));
        return new Scores(Score.of(result.getPrimaryResult()), counters);
    }
}
