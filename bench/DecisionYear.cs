using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;

namespace Fashen.Bench;

/// <summary>A year of a county's decisions, made up from the test decisions of the sample catalogues:
/// each one a test decision with its amounts moved around its thresholds (half, just under, at, just over,
/// double), a working day of the year and its own case id. Seeded, so the same arguments give the same file.</summary>
public static class DecisionYear
{
    private static readonly decimal[] Factors = [0.5m, 0.8m, 0.95m, 1m, 1m, 1m, 1.05m, 1.2m, 2m];

    /// <summary>Makes decisions as JSON lines.</summary>
    /// <param name="catalogues">The catalogues whose test decisions are the models (baselines are skipped).</param>
    /// <param name="count">How many decisions.</param>
    /// <param name="year">The year they are proposed in.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>One decision per line.</returns>
    public static IEnumerable<string> Generate(IEnumerable<CatalogueModel> catalogues, int count, int year, int seed = 2026)
    {
        var models = catalogues.Where(c => !c.Baseline && c.InForceOn(new DateOnly(year, 6, 30)))
            .SelectMany(c => c.Tests.Select(t => (Catalogue: c, t.Decision)))
            .ToList();
        var random = new Random(seed);
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(d => new DateOnly(year, 1, 1).AddDays(d))
            .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            .ToList();
        for (var n = 1; n <= count; n++)
        {
            var (catalogue, model) = models[random.Next(models.Count)];
            var decision = JsonNode.Parse(DecisionCanonicalForm.ToJson(model))!.AsObject();
            decision["caseId"] = $"{catalogue.Id.ToUpperInvariant()}-{year}-{n:D5}";
            decision["proposedOn"] = days[random.Next(days.Count)].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            decision.Remove("filedOn");
            var facts = decision["facts"]!.AsObject();
            foreach (var (key, value) in facts.ToList())
            {
                if (catalogue.Schema.TryGetFact(key, out var fact) && fact.Type == FactType.Money
                    && decimal.TryParse(value!.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                {
                    var moved = decimal.Round(amount * Factors[random.Next(Factors.Length)] / 100m) * 100m;
                    facts[key] = moved.ToString(CultureInfo.InvariantCulture);
                }
            }

            yield return decision.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }
}
