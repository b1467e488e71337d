package io.attain.eventstore.spring;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A tracking stream that supports {@link #setOnAvailableCallback}: once its reader has found nothing to read, a
 * waiter thread blocks on the underlying stream (in slices of {@value #SLICE_MILLIS} ms, so the reader is never
 * held up longer) and runs the callback as soon as an event is available — once per "nothing to read".
 * <p>
 * All access to the underlying stream (Axon's embedded consumer, which is not meant for concurrent readers) is
 * serialised by one lock.
 */
final class AvailabilityNotifyingStream implements TrackingEventStream {

    static final long SLICE_MILLIS = 50;

    private final TrackingEventStream delegate;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock armLock = new ReentrantLock();
    private final Condition armedOrClosed = armLock.newCondition();
    private volatile Runnable callback;
    private volatile boolean armed;
    private volatile boolean closed;
    private Thread waiter;

    AvailabilityNotifyingStream(TrackingEventStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        lock.lock();
        try {
            return delegate.peek();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        boolean available;
        try {
            available = delegate.hasNextAvailable(timeout, unit);
        } finally {
            lock.unlock();
        }
        if (!available) {
            arm();
        }
        return available;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        lock.lock();
        try {
            return delegate.nextAvailable();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        lock.lock();
        try {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized boolean setOnAvailableCallback(Runnable callback) {
        this.callback = callback;
        if (waiter == null && !closed) {
            waiter = new Thread(this::waitForEvents, "event-availability-" + Integer.toHexString(hashCode()));
            waiter.setDaemon(true);
            waiter.start();
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        armLock.lock();
        try {
            armedOrClosed.signalAll();
        } finally {
            armLock.unlock();
        }
        lock.lock();
        try {
            delegate.close();
        } finally {
            lock.unlock();
        }
    }

    private void arm() {
        if (callback == null) {
            return;
        }
        armLock.lock();
        try {
            armed = true;
            armedOrClosed.signalAll();
        } finally {
            armLock.unlock();
        }
    }

    private void waitForEvents() {
        try {
            while (!closed) {
                armLock.lock();
                try {
                    while (!armed && !closed) {
                        armedOrClosed.await();
                    }
                } finally {
                    armLock.unlock();
                }
                if (closed) {
                    return;
                }
                boolean available = false;
                if (lock.tryLock(SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                    try {
                        available = !closed && delegate.hasNextAvailable((int) SLICE_MILLIS, TimeUnit.MILLISECONDS);
                    } finally {
                        lock.unlock();
                    }
                }
                if (available && armed) {
                    armed = false;
                    Runnable run = callback;
                    if (run != null) {
                        run.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the stream failed (e.g. closed underneath): the reader finds out on its next read
        }
    }
}
