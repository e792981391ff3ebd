package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RequestReplySmokeTest
{
    @Test
    void shouldMatchPipelinedRepliesOverTcp() throws Exception
    {
        try (Node node = Node.create())
        {
            final Replier rep = node.replier();
            rep.handle("echo.>", request -> Message.of("", request.payload()));
            final String endpoint = rep.bind("tcp://127.0.0.1:0");
            final Requester req = node.requester();
            req.connect(endpoint);
            final java.util.List<CompletableFuture<Message>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++)
            {
                futures.add(req.request("echo.x", ("r" + i).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)));
            }
            for (int i = 0; i < futures.size(); i++)
            {
                assertEquals("r" + i, futures.get(i).get().payloadAsString());
            }
        }
    }

    @Test
    void shouldTalkToJeroMqRep() throws Exception
    {
        try (Node node = Node.create(); org.zeromq.ZContext context = new org.zeromq.ZContext())
        {
            final org.zeromq.ZMQ.Socket rep = context.createSocket(org.zeromq.SocketType.REP);
            final int port = rep.bindToRandomPort("tcp://127.0.0.1");
            final Requester req = node.requester();
            req.connect("tcp://127.0.0.1:" + port);
            final CompletableFuture<Message> reply = req.request("any", "ping".getBytes(), Duration.ofSeconds(5));
            rep.setReceiveTimeOut(5000);
            assertEquals("ping", rep.recvStr());
            rep.send("pong");
            assertEquals("pong", reply.get().payloadAsString());
        }
    }

    @Test
    void shouldAnswerJeroMqReq()
    {
        try (Node node = Node.create(); org.zeromq.ZContext context = new org.zeromq.ZContext())
        {
            final Replier rep = node.replier();
            rep.handle(">", request -> Message.of("", "re:" + request.payloadAsString()));
            final String endpoint = rep.bind("tcp://127.0.0.1:0");
            final org.zeromq.ZMQ.Socket req = context.createSocket(org.zeromq.SocketType.REQ);
            req.setReceiveTimeOut(5000);
            dev.petrel.test.JeroMqLinks.connect(req, endpoint, rep::peerCount);
            req.send("hello");
            assertEquals("re:hello", req.recvStr());
        }
    }
}
