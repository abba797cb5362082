namespace Fashen.Grammar.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used until it is fixed.</summary>
    Error,

    /// <summary>The input can be used, but something is probably not what the author meant.</summary>
    Warning,
}
