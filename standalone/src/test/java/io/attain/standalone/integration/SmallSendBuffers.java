package io.attain.standalone.integration;

import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A fixed, small socket send buffer for the test server's connections: loopback's autotuned buffers take megabytes, so
 * a client that reads nothing would otherwise hold the whole test log in the kernel before the stream backs up.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallSendBuffers {

    @Bean
    NettyServerCustomizer smallSendBuffer() {
        return server -> server.childOption(ChannelOption.SO_SNDBUF, 16 * 1024);
    }
}
