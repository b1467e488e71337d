package io.attain.eventstore.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoReply;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.util.ArrayDeque;

/**
 * Holds every reply of the wire server until the journal is on disk up to the last change its request made or read
 * (the last journaled change of every collection it touched), so a client is told "stored" only for what survives a
 * crash, and never reads a change that a crash could still take back. One instance per connection; all run on the server's one worker thread, as does {@link Releases}.
 * <p>
 * If the journal fails, replies to requests that changed something are turned into errors (the change is not
 * durable); replies of requests that changed nothing go out as they are.
 */
final class DurabilityGate extends ChannelDuplexHandler {

    private final Journal journal;
    private final JournalledBackend backend;
    private final Releases releases;
    private int held;

    DurabilityGate(Journal journal, JournalledBackend backend, Releases releases) {
        this.journal = journal;
        this.backend = backend;
        this.releases = releases;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        backend.beginRequest();
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // what the reply depends on: the journal up to the last change the request made or read (its collections'
        // last changes), so a reply of a request that touched nothing pending goes out at once
        long required = backend.requestRequired();
        boolean changed = backend.requestChanged();
        if (journal.failure().isPresent()) {
            if (held == 0) {
                ctx.write(changed && required > journal.durable() ? Releases.failed(msg, journal) : msg, promise);
            } else {
                held++;
                releases.hold(new Releases.Held(this, ctx, msg, promise, required, changed));
            }
            return;
        }
        if (held == 0 && journal.durable() >= required) {
            ctx.write(msg, promise);
            return;
        }
        held++;
        releases.hold(new Releases.Held(this, ctx, msg, promise, required, changed));
    }

    /** The replies waiting for the disk, in the order they were made (so each connection's order is kept). */
    static final class Releases {

        record Held(DurabilityGate gate, ChannelHandlerContext ctx, Object msg, ChannelPromise promise,
                    long required, boolean changed) {
        }

        private final ArrayDeque<Held> queue = new ArrayDeque<>();

        void hold(Held held) {
            queue.add(held);
        }

        /** Sends every reply covered by {@code durable} bytes on disk; on the worker thread. */
        void release(long durable) {
            while (!queue.isEmpty() && queue.peek().required() <= durable) {
                Held h = queue.poll();
                h.gate().held--;
                h.ctx().writeAndFlush(h.msg(), h.promise());
            }
        }

        /** After a journal failure: covered replies go out, the others become errors if they changed something. */
        void fail(Journal journal) {
            long durable = journal.durable();
            while (!queue.isEmpty()) {
                Held h = queue.poll();
                h.gate().held--;
                Object msg = h.required() <= durable || !h.changed() ? h.msg() : failed(h.msg(), journal);
                h.ctx().writeAndFlush(msg, h.promise());
            }
        }

        static Object failed(Object msg, Journal journal) {
            Document error = new Document();
            String reason = "The embedded store could not make this write durable: "
                            + journal.failure().orElse("journal failed");
            error.put("$err", reason);
            error.put("errmsg", reason);
            error.put("code", JournalledBackend.STORE_FAILED);
            error.put("codeName", "OutOfDiskSpace");
            error.put("ok", 0);
            if (msg instanceof MongoMessage m) {
                return new MongoMessage(m.getChannel(), m.getHeader(), error);
            }
            if (msg instanceof MongoReply r) {
                return new MongoReply(r.getHeader(), error);
            }
            return msg;
        }
    }
}
