package org.presenceagent.application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Small helpers for the use cases' asynchronous steps. */
public final class Completion {

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private Completion() {}

  /** A stage that is already complete: a step that stored nothing. */
  public static CompletableFuture<Void> done() {
    return DONE;
  }

  /**
   * Runs {@code start} (which may throw instead of failing its stage) and hands any failure to
   * {@code onFailure}: the one place where a request's refusal reaches its responder.
   *
   * @return completes normally once the request was answered either way
   */
  public static CompletableFuture<Void> answering(Supplier<? extends CompletionStage<?>> start, Consumer<RuntimeException> onFailure) {
    CompletionStage<?> stage;
    try {
      stage = start.get();
    } catch (RuntimeException e) {
      onFailure.accept(e);
      return DONE;
    }
    return stage.toCompletableFuture().handle((ignored, failure) -> {
      if (failure != null) {
        onFailure.accept(PresentitySequencer.unwrap(failure));
      }
      return null;
    });
  }

  /**
   * Waits for a stage: for callers off the SIP path (management, tests) that need the answer now.
   * Never call it from a step of the presentity the stage belongs to.
   *
   * @throws RuntimeException the stage's failure
   */
  public static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw cause(e);
    }
  }

  /** The failure inside a {@link CompletionException}, as the exception to answer with. */
  public static RuntimeException cause(Throwable failure) {
    return PresentitySequencer.unwrap(failure);
  }
}
