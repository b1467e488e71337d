package io.attain.query.integration;

import io.attain.eventstore.MongoEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live stream of the integrator feed (ADR 0011). Every client has one session: a cursor (the last position
 * looked at) and a bounded buffer of at most {@code attain.integration.stream.buffer} events. The session fills the
 * buffer from the feed ({@link EventFeed#read}: the log up to its safe head) and hands events to the connection only
 * as fast as the connection asks for them. Catch-up and live are the same loop over the same positions, so there is
 * no switch-over at which an event could be lost or sent twice; "live" only means the session is woken by the
 * engine's append listener (and, for other instances' writes, every {@code poll-interval}) instead of reading on.
 * <p>
 * A client whose buffer stays full without taking an event for {@code slow-client-timeout} is disconnected (it
 * resumes with {@code Last-Event-ID}); the server never holds more than the buffer for it. A keep-alive comment goes
 * out when nothing was sent for {@code heartbeat}.
 */
public final class EventStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    /** Signals a client that was too slow; its connection is closed. */
    public static final class SlowClientException extends RuntimeException {
        SlowClientException(String message) {
            super(message, null, false, false);
        }
    }

    private final EventFeed feed;
    private final int capacity;
    private final long slowNanos;
    private final long heartbeatNanos;
    private final Scheduler scheduler;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong maxBuffered = new AtomicLong();
    private final Disposable ticker;
    private final MongoEventStorageEngine engine;
    private final Runnable listener = this::signalAll;

    public EventStreams(EventFeed feed, MongoEventStorageEngine engine, IntegrationProperties.Stream settings) {
        if (settings.getBuffer() < 1) {
            throw new IllegalArgumentException("attain.integration.stream.buffer: must be at least 1");
        }
        this.feed = feed;
        this.engine = engine;
        this.capacity = settings.getBuffer();
        this.slowNanos = settings.getSlowClientTimeout().toNanos();
        this.heartbeatNanos = settings.getHeartbeat().toNanos();
        this.scheduler = Schedulers.newBoundedElastic(Math.max(2, Runtime.getRuntime().availableProcessors()),
                                                      Integer.MAX_VALUE, "attain-event-stream", 60, true);
        engine.addAppendListener(listener);
        Duration poll = settings.getPollInterval();
        this.ticker = Flux.interval(poll, poll, Schedulers.parallel()).onBackpressureDrop()
                          .subscribe(i -> signalAll());
    }

    /** The events after {@code after} that the filter accepts, then every later one, as server-sent events. */
    public Flux<ServerSentEvent<String>> open(long after, FeedFilter filter) {
        return Flux.create(sink -> {
            Session session = new Session(after, filter, sink);
            sessions.add(session);
            sink.onRequest(n -> session.signal());
            sink.onDispose(session::close);
            session.signal();
        }, FluxSink.OverflowStrategy.ERROR);
    }

    /** Clients connected now. */
    public int clients() {
        return sessions.size();
    }

    /** Events held in all clients' buffers now. */
    public long buffered() {
        long sum = 0;
        for (Session s : sessions) {
            sum += s.size;
        }
        return sum;
    }

    /** The most events one client's buffer ever held (never above the configured buffer). */
    public long maxBufferedPerClient() {
        return maxBuffered.get();
    }

    /** Clients disconnected for being too slow. */
    public long droppedClients() {
        return dropped.get();
    }

    /** One line per client: cursor, head, buffered events and outstanding demand (diagnostics and tests). */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Session s : sessions) {
            out.append("cursor=").append(s.cursor).append(" head=").append(s.head).append(" buffered=").append(s.size)
               .append(" requested=").append(s.sink.requestedFromDownstream()).append('\n');
        }
        return out.toString();
    }

    private void signalAll() {
        for (Session s : sessions) {
            s.signal();
        }
    }

    @Override
    public void close() {
        engine.removeAppendListener(listener);
        ticker.dispose();
        sessions.forEach(Session::close);
        scheduler.dispose();
    }

    private final class Session {
        private final FeedFilter filter;
        private final FluxSink<ServerSentEvent<String>> sink;
        private final ArrayDeque<EventFeed.Item> buffer = new ArrayDeque<>();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile long cursor;
        private volatile long head;
        private long fullSince = -1;
        private long lastSent;
        private volatile int size;
        private volatile boolean closed;

        Session(long after, FeedFilter filter, FluxSink<ServerSentEvent<String>> sink) {
            this.cursor = after;
            this.filter = filter;
            this.sink = sink;
            this.lastSent = System.nanoTime() - heartbeatNanos; // a first comment at once: the client sees the stream open
        }

        void signal() {
            if (!closed && wip.getAndIncrement() == 0) {
                scheduler.schedule(this::drain);
            }
        }

        private void drain() {
            int missed = 1;
            do {
                try {
                    pump();
                } catch (RuntimeException e) {
                    log.warn("Event stream failed at position {}", cursor, e);
                    close();
                    sink.error(e);
                    return;
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void pump() {
            if (closed) {
                return;
            }
            boolean progressed = emit();
            int room = capacity - buffer.size();
            if (room > 0) {
                EventFeed.Page page = feed.read(cursor, room, filter);
                cursor = page.next();
                head = page.head();
                buffer.addAll(page.events());
                size = buffer.size();
                maxBuffered.accumulateAndGet(buffer.size(), Math::max);
                progressed |= emit();
            }
            long now = System.nanoTime();
            if (progressed || buffer.size() < capacity) {
                fullSince = -1;
            } else if (fullSince < 0) {
                fullSince = now;
            } else if (now - fullSince >= slowNanos) {
                close();
                dropped.incrementAndGet();
                log.info("Event stream client at position {} too slow (buffer of {} full for {} ms): disconnected",
                         cursor, capacity, Duration.ofNanos(now - fullSince).toMillis());
                sink.error(new SlowClientException("too slow: buffer full for " + Duration.ofNanos(slowNanos)));
                return;
            }
            if (now - lastSent >= heartbeatNanos && sink.requestedFromDownstream() > 0) {
                sink.next(ServerSentEvent.<String>builder().comment("keep-alive").build());
                lastSent = now;
            }
        }

        private boolean emit() {
            boolean any = false;
            while (!closed && !buffer.isEmpty() && sink.requestedFromDownstream() > 0) {
                EventFeed.Item item = buffer.poll();
                sink.next(ServerSentEvent.builder(item.json()).id(String.valueOf(item.position()))
                                         .event(item.type()).build());
                any = true;
            }
            if (any) {
                lastSent = System.nanoTime();
                size = buffer.size();
            }
            return any;
        }

        void close() {
            closed = true;
            sessions.remove(this);
        }
    }
}
