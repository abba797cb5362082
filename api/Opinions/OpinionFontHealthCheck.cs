using Fashen.ReviewUi.Opinions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashen.Api.Opinions;

/// <summary>Readiness, degraded (still ready): the font the review opinion PDFs embed is missing. Reviews go on and every
/// outcome is recorded; the PDFs are made when the font is installed and the opinion is asked for.</summary>
/// <param name="pdf">The opinion PDF renderer, which knows its font.</param>
internal sealed class OpinionFontHealthCheck(OpinionPdf pdf) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(pdf.MissingFonts.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"没有找到审核意见书 PDF 所用的字体 {string.Join("、", pdf.MissingFonts)}（apt install fonts-droid-fallback fonts-dejavu-core，或配置 Fashen:OpinionFont、Fashen:OpinionLatinFont）。"));
}
