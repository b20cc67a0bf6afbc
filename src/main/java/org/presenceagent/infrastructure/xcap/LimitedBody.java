package org.presenceagent.infrastructure.xcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP response body read into memory up to a limit: a larger one (by its {@code Content-Length}
 * or while it streams in) is refused before it is held, and the connection's subscription is
 * cancelled. The XCAP server is another party; its answers are as untrusted as a SIP request.
 */
final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {

  private final int maxBytes;

  LimitedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      return HttpResponse.BodySubscribers.replacing(null); // discarded unread; see tooLarge
    }
    return new Subscriber(maxBytes);
  }

  /** Whether a body was refused (the handler's value is then {@code null}). */
  static boolean tooLarge(byte[] body) {
    return body == null;
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer = new byte[1024];
    private int length;
    private Flow.Subscription subscription;

    Subscriber(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int remaining = item.remaining();
        if (length + remaining > maxBytes) {
          subscription.cancel();
          result.complete(null);
          return;
        }
        if (length + remaining > buffer.length) {
          buffer = java.util.Arrays.copyOf(buffer, Math.min(maxBytes, Math.max(buffer.length * 2, length + remaining)));
        }
        item.get(buffer, length, remaining);
        length += remaining;
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error instanceof IOException io ? new UncheckedIOException(io) : error);
    }

    @Override
    public void onComplete() {
      result.complete(java.util.Arrays.copyOf(buffer, length));
    }
  }
}
