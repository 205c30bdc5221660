/// Placeholder for the client's error type; filled in with the connection code.
public struct ESLClientError: Error, Sendable {}
