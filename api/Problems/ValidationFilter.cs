using System.ComponentModel.DataAnnotations;

namespace Fashen.Api.Problems;

/// <summary>Checks the data annotations of request bodies before the endpoint runs, answering FS6005
/// with every missing or invalid field at once.</summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument.GetType().Namespace != typeof(Contracts.VersionRequest).Namespace)
            {
                continue;
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true))
            {
                var fields = string.Join("、", results.SelectMany(r => r.MemberNames).Select(JsonName).Distinct());
                return ProblemResults.From(ApiProblems.ValidationFailed($"缺少或无效的字段：{fields}。"));
            }
        }

        return await next(context);
    }

    private static string JsonName(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
