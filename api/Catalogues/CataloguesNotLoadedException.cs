namespace Fashen.Api.Catalogues;

/// <summary>The catalogues have errors, so the service does not start; the message lists every one.</summary>
/// <param name="message">The rendered diagnostics, in Chinese.</param>
public sealed class CataloguesNotLoadedException(string message) : Exception(message);
