using Fashen.Api.Problems;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Access;

/// <summary>Runs an endpoint's work for the authenticated caller, or answers 401 when there is none.</summary>
public static class Callers
{
    public static IResult With(HttpContext context, Func<Caller, IResult> work) =>
        context.RequestServices.GetRequiredService<CallerResolver>().Resolve(context) is { } caller
            ? work(caller)
            : ProblemResults.From(ApiProblems.Unauthenticated());

    public static async Task<IResult> WithAsync(HttpContext context, Func<Caller, Task<IResult>> work) =>
        context.RequestServices.GetRequiredService<CallerResolver>().Resolve(context) is { } caller
            ? await work(caller)
            : ProblemResults.From(ApiProblems.Unauthenticated());
}
