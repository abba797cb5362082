using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fashen.Tests;

/// <summary>Keeps what a test's service logged as an error (an unhandled exception behind a 500, with its stack), so
/// that a test that gets an unexpected answer can say why the service gave it; and its warnings, for operators.</summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _warnings = new();

    /// <summary>Gets the errors logged so far, oldest first.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Gets the warnings logged so far, oldest first, each as "category: message".</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors, _warnings);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> errors, ConcurrentQueue<string> warnings) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                errors.Enqueue($"{category}: {formatter(state, exception)}\n{exception}");
            }
            else if (logLevel == LogLevel.Warning)
            {
                warnings.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
