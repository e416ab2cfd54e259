import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.URI;

/**
 * The floor of any HTTP hop on this machine, for comparison with the gateway: Netty with the same
 * transport as the gateway (epoll where available), one upstream connection per client connection on
 * the same event loop, whole messages passed through, no checks, no headers added. What the gateway
 * adds above this is its own work (token, rules, limits, headers) and Micronaut's.
 *
 * <p>java -cp gateway-all.jar BareProxy.java PORT UPSTREAM_URL
 */
public class BareProxy {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    URI upstream = URI.create(args[1]);
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends ServerSocketChannel> server = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    Class<? extends SocketChannel> client = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    new ServerBootstrap().group(group).channel(server)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Downstream(upstream, client));
          }
        }).bind(port).sync();
    System.out.println("bare proxy (" + (epoll ? "epoll" : "nio") + ") on " + port + " -> " + upstream);
  }

  /** One client connection; its requests go out on its own upstream connection, opened at the first. */
  static final class Downstream extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final URI upstream;
    private final Class<? extends SocketChannel> channelType;
    private Channel up;

    Downstream(URI upstream, Class<? extends SocketChannel> channelType) {
      this.upstream = upstream;
      this.channelType = channelType;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpRequest out = request.retainedDuplicate();
      out.headers().set(HttpHeaderNames.HOST, upstream.getHost() + ":" + upstream.getPort());
      if (up != null) {
        up.writeAndFlush(out);
        return;
      }
      new Bootstrap().group(ctx.channel().eventLoop()).channel(channelType)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                  new SimpleChannelInboundHandler<FullHttpResponse>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext upCtx, FullHttpResponse response) {
                      ctx.writeAndFlush(response.retainedDuplicate());
                    }
                  });
            }
          })
          .connect(upstream.getHost(), upstream.getPort())
          .addListener((ChannelFuture f) -> {
            up = f.channel();
            up.writeAndFlush(out);
          });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (up != null) {
        up.close();
      }
    }
  }
}
