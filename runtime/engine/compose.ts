/**
 * The one shape of the engine's layers, after undici's `Dispatcher.compose` and its interceptors
 * (lib/interceptor/*.js): a layer takes the handler below it and returns a handler of the same
 * type. The first layer listed is the outermost; `undefined` entries are layers a call does not
 * need (no cookie jar, no credentials ...) and cost nothing.
 */
export type Layer<Handler> = (next: Handler) => Handler;

export function compose<Handler>(bottom: Handler, layers: readonly (Layer<Handler> | undefined)[]): Handler {
  let handler = bottom;
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = layers[index];
    if (layer !== undefined) handler = layer(handler);
  }
  return handler;
}
