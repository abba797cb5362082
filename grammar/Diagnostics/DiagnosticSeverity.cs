namespace Fashen.Grammar.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used until it is fixed.</summary>
    Error,

    /// <summary>The input can be used, but something is probably not what the author meant.</summary>
    Warning,

    /// <summary>Nothing is wrong; a fact about the input that its readers should know, such as a department departing
    /// from the national baseline where a law provides otherwise.</summary>
    Info,
}
