using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Documents;
using Fashen.Api.Problems;
using Fashen.Engine.Documents;
using Fashen.Engine.Opinions;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Opinions;

/// <summary>The review opinion (法制审核意见书) of a decided review: its text and number, and its PDF as archived in the case
/// file.</summary>
public static class OpinionsApi
{
    public static RouteGroupBuilder MapOpinions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/reviews/{id}").WithTags("审核意见书");
        group.MapGet("/opinion", (HttpContext context, OpinionArchive opinions, string id) => Callers.With(context, caller =>
        {
            var outcome = opinions.Get(caller, id);
            return outcome.Succeeded ? BufferedJson.Ok(ReviewOpinionResponse.From(id, outcome.Value!)) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("法制审核意见书：文号（按目录清单的模板，本部门当年顺序编号）、正文，以及归档在案卷中的 PDF 的 SHA-256（作出审核意见时归档；未能归档的，此时归档）")
        .Produces<ReviewOpinionResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/opinion.pdf", (HttpContext context, OpinionArchive opinions, ReviewService reviews, CaseFiles files, string id, bool? download) =>
            Callers.With(context, caller =>
            {
                var review = reviews.Get(caller, id);
                var archived = review.Succeeded ? opinions.Archive(review.Value!) : review.Error!;
                return archived.Succeeded
                    ? FilesApi.SendFromReview(context, files, caller, review.Value!, archived.Value!.Sha256, download == true)
                    : ProblemResults.From(archived.Error!);
            }))
            .WithSummary("法制审核意见书 PDF（A4，归档在案卷中，查阅留痕）；?download=true 为下载")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
