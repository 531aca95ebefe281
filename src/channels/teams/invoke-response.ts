/**
 * The body of an `adaptiveCard/action` answer (Universal Actions). Kept apart from the turn
 * logic so that the adapter's error handler can answer an invoke without importing it.
 */
export function cardActionResponse(statusCode: number, type: string, value: unknown) {
  return { type: 'invokeResponse', value: { status: 200, body: { statusCode, type, value } } };
}
