/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine's work runs: one task at a time, each holding the engine's <em>turn</em>, so that all protocol
 * state is confined to whichever thread holds it and needs no lock of its own.
 *
 * <p>Two kinds of thread take turns. The engine thread ({@code cellmail-at-engine-<name>}) runs what callers
 * {@link #post hand over} and the {@link #schedule timers}. The reader and writer threads of a link session
 * {@link #runOrPost report} what they just saw: if nobody holds the turn they run the report themselves, at once;
 * otherwise they leave it to the holder, which runs every waiting task before it lets go, and they go back to their
 * link. A reply is therefore handled on the thread that read it, with no hand-over between threads; that hand-over
 * (two thread wake-ups per command) was most of what a short command cost the host. Only the engine thread ever
 * waits for the turn, and only for a timer that is its alone or to finish when stopping: a task it finds while
 * another thread holds the turn it leaves to that holder, instead of taking the turn over from a reader that is
 * about to write the next command itself.
 *
 * <p>Timers are kept here, in a small queue under the turn, and the engine thread sleeps until the earliest: a
 * command arms and cancels a deadline or two, and an executor's timer queue would wake its thread for each. The
 * engine thread never sleeps longer than {@link #HORIZON_NANOS}, so a timer due after the time it wakes up anyway (a
 * command's deadline, a write's budget: seconds) is found then and wakes nobody; only a timer due earlier wakes it,
 * and only if it sleeps or is about to. A timer for a step of the protocol ({@link #scheduleStep}: a guard time, a
 * linger, a phase's deadline) is run by whichever thread holds the turn when it is due, one due within
 * {@link #SPIN_NANOS} after a spin: a reader that handles an upload's result and finds the linger over runs it and
 * writes the next command itself, and the engine thread is woken for a step only if the holder lets go before it is
 * due. A task handed over while another thread holds the turn wakes nobody, nor does a caller's request while a
 * reply or a step is awaited ({@link #expectAnotherTurn}): the turn it brings runs the request. After every task and
 * timer the {@link #afterEachTask(Runnable) settle step} runs in the same turn. Every task is guarded, so an engine
 * bug is logged instead of silently ending a thread. After {@link #shutdown()} nothing more is accepted, tasks
 * already handed over still run and timers are dropped.
 */
final class EngineLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    /** A task due at a time; made and cancelled in a turn. */
    final class Timer implements Comparable<Timer> {
        private final long dueNanos;
        private final long sequence;
        private final Runnable task;
        private final boolean anyHolder;

        private Timer(long dueNanos, long sequence, Runnable task, boolean anyHolder) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.task = task;
            this.anyHolder = anyHolder;
        }

        /** Keeps the task from running if it has not yet; in a turn. */
        void cancel() {
            timers.remove(this);
        }

        @Override
        public int compareTo(Timer other) {
            int byDue = Long.compare(dueNanos - other.dueNanos, 0);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    /**
     * The longest the engine thread sleeps: an idle engine looks at its timers once a second, and in exchange a
     * command's deadline or a write's budget (seconds away) never wakes it when armed.
     */
    static final long HORIZON_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * How long a thread of the engine spins for what is about to happen (a step falling due, a busy turn, the writer
     * thread finishing a write whose reply has already come) instead of handing its work to another thread: less
     * than the two or three thread wake-ups that hand-over costs. Only waits of that size spin; with real settings
     * (guard times, lingers: milliseconds) a step is never that close.
     */
    static final long SPIN_NANOS = 20_000;

    private final String name;
    private final Thread thread;
    private final AtomicBoolean threadStarted = new AtomicBoolean();
    private final ReentrantLock turn = new ReentrantLock();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    // in a turn only
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSequence;
    // a step was armed in this turn by a link session's thread, which decides when it lets go whether the engine
    // thread must wake up for it
    private boolean stepArmed;
    private Runnable settle = () -> { };
    // when the engine thread wakes up for the earliest timer; written in a turn, read by the engine thread
    private volatile boolean wakeArmed;
    private volatile long wakeNanos;
    private volatile boolean accepting = true;
    // set in a turn: a reply or a step is awaited, so another turn comes without the engine thread
    private volatile boolean anotherTurnExpected;
    // true from just before the engine thread looks for work one last time until it is awake again: only then does an
    // earlier timer need to unpark it
    private volatile boolean sleeping;
    private final AtomicLong wakeUps = new AtomicLong();

    EngineLoop(String name) {
        this.name = name;
        this.thread = new Thread(this::run, "cellmail-at-engine-" + name);
        this.thread.setDaemon(true);
    }

    /** @param step runs in the same turn after every task and timer, e.g. to take the next step of the protocol */
    void afterEachTask(Runnable step) {
        this.settle = step;
    }

    /**
     * Hands a task to the engine thread; for callers, which must never run engine work themselves.
     *
     * @return false if the loop no longer accepts tasks (the task will not run)
     */
    boolean post(Runnable task) {
        return post(task, false);
    }

    /**
     * Like {@link #post(Runnable)}, for a task that may wait for the turn another thread is sure to take (see
     * {@link #expectAnotherTurn}): the engine thread is then not woken for it.
     *
     * @return false if the loop no longer accepts tasks (the task will not run)
     */
    boolean postUnhurried(Runnable task) {
        return post(task, true);
    }

    /**
     * In a turn: whether a later turn is certain to come without the engine thread being woken for it (a reply, or
     * a timer, is awaited). Every holder looks for tasks after it lets go, so a task left for that turn is not
     * stranded: either its poster sees this false and wakes the engine thread, or the holder that set it false sees
     * the task.
     */
    void expectAnotherTurn(boolean expected) {
        anotherTurnExpected = expected;
    }

    private boolean post(Runnable task, boolean unhurried) {
        if (!accepting) {
            return false;
        }
        startThread();
        tasks.add(task);
        if (!accepting && tasks.remove(task)) {
            // shut down meanwhile, and the engine thread did not take it: it will never run
            return false;
        }
        // A holder of the turn runs every waiting task before it lets go and looks again after: the engine thread is
        // woken only when nobody holds it, and for an unhurried task only when no turn is sure to come. (An engine
        // thread that is awake is unparked all the same: the permit lets it look once more before it sleeps, and a
        // caller queuing commands one after the other is often caught so.)
        if (!turn.isLocked() && !(unhurried && anotherTurnExpected)) {
            wake();
        }
        return true;
    }

    /**
     * Runs the task on the calling thread if nobody holds the turn, else leaves it to the holder; never waits. For
     * the threads of a link session, whose work must not wait for the engine's.
     *
     * @return false if the loop no longer accepts tasks
     */
    boolean runOrPost(Runnable task) {
        if (!accepting) {
            return false;
        }
        startThread();
        if (tasks.isEmpty() && takeTurnSoon()) {
            // nothing waits before it: run it at once, without queuing it
            runTurn(task);
        } else {
            tasks.add(task);
        }
        // Whoever holds the turn looks at the tasks again after letting go, so a task is never stranded.
        while (!tasks.isEmpty() && turn.tryLock()) {
            runTurn(null);
        }
        return true;
    }

    /**
     * The turn of a link session's thread, which holds it: its own task if it has one, what waits, the steps due;
     * then it lets go.
     */
    private void runTurn(@Nullable Runnable own) {
        try {
            if (own != null) {
                runGuarded(own);
            }
            runTasks();
            runDueSteps();
        } finally {
            turn.unlock();
        }
    }

    /**
     * Takes the turn if it is free now or within {@link #SPIN_NANOS}. A turn is short; a reader that gets it
     * handles its reply itself and writes the next command itself, where a holder it left the reply to would hand
     * that write to the writer thread and the reader would then be woken for every reply that follows.
     *
     * @return true if the calling thread now holds the turn
     */
    private boolean takeTurnSoon() {
        return turn.tryLock() || spinUntil(() -> !turn.isLocked() && turn.tryLock());
    }

    /**
     * Spins until the condition holds or {@link #SPIN_NANOS} have passed.
     *
     * @param condition what is about to happen; asked again after every spin
     * @return true if it happened in time
     */
    static boolean spinUntil(BooleanSupplier condition) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
            if (condition.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    /**
     * In a turn on a link session's thread: runs the steps due by now (or within a spin), then wakes the engine
     * thread if a step armed in this turn is still to come.
     */
    private void runDueSteps() {
        Timer next;
        while (accepting && (next = timers.peek()) != null && next.anyHolder
                && next.dueNanos - System.nanoTime() <= SPIN_NANOS) {
            while (next.dueNanos - System.nanoTime() > 0) {
                Thread.onSpinWait();
            }
            timers.poll();
            runGuarded(next.task);
            runTasks();
        }
        if (stepArmed) {
            stepArmed = false;
            next = timers.peek();
            if (next != null) {
                wakeFor(next);
            }
        }
    }

    /**
     * Runs the task on the engine thread after the delay; in a turn.
     *
     * @return the timer, to cancel it
     */
    Timer schedule(Runnable task, long delayNanos) {
        return schedule(task, delayNanos, false);
    }

    /**
     * Like {@link #schedule}, for a step of the protocol that never blocks: whichever thread holds the turn when it
     * is due runs it before letting go, so the engine thread is woken for it only if nobody else does.
     *
     * @return the timer, to cancel it
     */
    Timer scheduleStep(Runnable task, long delayNanos) {
        return schedule(task, delayNanos, true);
    }

    private Timer schedule(Runnable task, long delayNanos, boolean anyHolder) {
        Timer timer = new Timer(System.nanoTime() + Math.max(0, delayNanos), timerSequence++, task, anyHolder);
        timers.add(timer);
        if (anyHolder && !isLoopThread()) {
            // this holder may run it itself before it lets go: whether the engine thread must wake for it is decided
            // then (runDueSteps)
            stepArmed = true;
        } else {
            wakeFor(timer);
        }
        return timer;
    }

    /**
     * In a turn: makes the engine thread wake up by the timer's time. Keeps the rule that the engine thread wakes up
     * by {@link #wakeNanos} at the latest: it is lowered only here, and a sleeping engine thread is woken whenever it
     * is.
     */
    private void wakeFor(Timer timer) {
        if (!wakeArmed || timer.dueNanos - wakeNanos < 0) {
            wakeNanos = timer.dueNanos;
            wakeArmed = true;
            // an engine thread that is awake reads wakeNanos before it sleeps
            if (sleeping) {
                wake();
            }
        }
    }

    /** @return true on the engine thread */
    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Stops accepting tasks; those already handed over still run, timers are dropped. */
    void shutdown() {
        accepting = false;
        wake();
    }

    /** Waits (bounded) for the engine thread to end; interrupts it if it does not. Not from the loop itself. */
    void awaitStop(Duration patience) {
        if (!threadStarted.get()) {
            return;
        }
        try {
            thread.join(patience.toMillis());
            if (thread.isAlive()) {
                LOG.warn("engine thread of {} did not stop; interrupting it", name);
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /** @return how often the engine thread was unparked; for tests */
    long wakeUps() {
        return wakeUps.get();
    }

    /** @return true while the engine thread sleeps, or is about to; for tests */
    boolean isSleeping() {
        return sleeping;
    }

    private void wake() {
        wakeUps.incrementAndGet();
        LockSupport.unpark(thread);
    }

    private void startThread() {
        if (!threadStarted.get() && threadStarted.compareAndSet(false, true)) {
            thread.start();
        }
    }

    private void run() {
        while (true) {
            boolean timerDue = wakeArmed && wakeNanos - System.nanoTime() <= 0;
            if (timerDue || !accepting) {
                // a due timer may be the engine thread's alone, and a stopping loop must run what is left: wait
                turn.lock();
            } else if (tasks.isEmpty() || !turn.tryLock()) {
                // nothing to do, or a holder that runs the tasks before it lets go and looks again after: no need to
                // take the turn over from a reader that is about to write the next command itself
                if (!sleep()) {
                    return;
                }
                continue;
            }
            try {
                runTasks();
                if (accepting) {
                    runDueTimers();
                }
            } finally {
                turn.unlock();
            }
            if (!accepting && tasks.isEmpty()) {
                return;
            }
        }
    }

    /** @return false if the thread was interrupted while the loop stops */
    private boolean sleep() {
        // Announced before the last look at the tasks and the wake time: a thread that hands over a task or arms an
        // earlier timer after that look sees the announcement and unparks this one (whose park then returns).
        sleeping = true;
        long wait = wakeNanos - System.nanoTime();
        if ((tasks.isEmpty() || turn.isLocked()) && accepting && wait > 0) {
            LockSupport.parkNanos(this, wait);
        }
        sleeping = false;
        return !(Thread.interrupted() && !accepting);
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runGuarded(task);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        Timer next;
        while ((next = timers.peek()) != null && next.dueNanos - now <= 0) {
            timers.poll();
            runGuarded(next.task);
            runTasks();
        }
        next = timers.peek();
        long horizon = now + HORIZON_NANOS;
        wakeNanos = next != null && next.dueNanos - horizon < 0 ? next.dueNanos : horizon;
        wakeArmed = true;
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
            settle.run();
        } catch (RuntimeException | Error e) {
            LOG.error("AT engine {} failed internally", name, e);
        }
    }
}
