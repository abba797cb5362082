using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Api.Problems;

/// <summary>Turns every refusal into <c>application/problem+json</c> with a stable <c>code</c>, a Chinese
/// <c>detail</c> and, for a wrong decision, the <c>diagnostics</c> with positions in the request body.</summary>
public static class ProblemResults
{
    /// <summary>A problem of the HTTP layer.</summary>
    public static IResult From(ApiProblem problem, IReadOnlyList<Diagnostic>? diagnostics = null) =>
        Result(problem.Code, problem.Status, problem.Title, problem.Detail, diagnostics, null);

    /// <summary>A refusal of the review workflow.</summary>
    public static IResult From(ReviewError error) =>
        Result(error.Code, StatusOf(error.Kind), TitleOf(error.Kind), error.Message, error.Diagnostics, error.Details);

    /// <summary>Gets the HTTP status of a kind of refusal.</summary>
    public static int StatusOf(ReviewErrorKind kind) => kind switch
    {
        ReviewErrorKind.NotFound => StatusCodes.Status404NotFound,
        ReviewErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ReviewErrorKind.Conflict => StatusCodes.Status409Conflict,
        ReviewErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>Writes a problem straight to a response, for middleware.</summary>
    public static Task WriteAsync(HttpContext context, ApiProblem problem) => From(problem).ExecuteAsync(context);

    private static string TitleOf(ReviewErrorKind kind) => kind switch
    {
        ReviewErrorKind.NotFound => "未找到",
        ReviewErrorKind.Forbidden => "无权办理",
        ReviewErrorKind.Conflict => "与当前状态冲突",
        ReviewErrorKind.Unavailable => "暂时无法办理",
        _ => "请求内容有误",
    };

    private static IResult Result(
        string code, int status, string title, string detail, IReadOnlyList<Diagnostic>? diagnostics, IReadOnlyDictionary<string, string>? details)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (diagnostics is { Count: > 0 })
        {
            extensions["diagnostics"] = diagnostics.Select(d => new DiagnosticResponse(
                d.Code, d.SeverityName, d.Message, d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn)).ToList();
        }

        foreach (var (key, value) in details ?? new Dictionary<string, string>())
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(detail, null, status, title, DiagnosticsPage.TypeOf(code), extensions);
    }
}

/// <summary>A diagnostic in a problem response; line and column are positions in the request body.</summary>
public sealed record DiagnosticResponse(string Code, string Severity, string Message, int Line, int Column, int EndLine, int EndColumn);
