using System.Globalization;
using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Decisions;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Classifications;

/// <summary>Is this decision major? Stateless for the caller, but recorded, so that a change of a
/// case's classification shows in the record.</summary>
public static class ClassificationsApi
{
    public static RouteGroupBuilder MapClassifications(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/classifications").WithTags("判定");
        group.MapPost("/", async (HttpContext context, ReviewService service, string? materialsCompleteOn) => await Callers.WithAsync(context, async caller =>
        {
            DateOnly? complete = null;
            if (materialsCompleteOn is not null)
            {
                if (!DateOnly.TryParseExact(materialsCompleteOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed($"materialsCompleteOn 的值“{materialsCompleteOn}”不是 yyyy-MM-dd 格式的日期。"));
                }

                complete = date;
            }

            var (source, problem) = await RequestBodies.ReadTextAsync(context.Request);
            if (source is null)
            {
                return problem!;
            }

            var decision = DecisionJsonReader.Read(source);
            if (decision.Value is null)
            {
                return ProblemResults.From(ApiProblems.MalformedJson("决定的格式有误，详见 diagnostics。"), decision.Diagnostics);
            }

            var outcome = await service.ClassifyAsync(caller, decision.Value, complete);
            return outcome.Succeeded ? BufferedJson.Ok(ClassificationResponse.From(outcome.Value!)) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("判定一项拟作出的决定是否属于重大执法决定；请求体为决定本身")
        .Accepts<DecisionRequest>("application/json")
        .Produces<ClassificationResponse>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
