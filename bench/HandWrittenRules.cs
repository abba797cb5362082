using Fashen.Engine.Catalogues;
using Fashen.Engine.Decisions;

namespace Fashen.Bench;

/// <summary>The conditions of every sample catalogue in force (the latest version of each department)
/// written by hand in C#: the limit a rules engine is measured against.</summary>
/// <remarks>
/// They read the same <see cref="FactVector"/> as Fashen's compiled rules, with the slots and value
/// codes of samples/facts.yaml as constants. A comparison on an absent amount is false, as in
/// Fashen. A test (Fashen.Engine.Tests) checks that these give exactly Fashen's matches on every
/// sample decision and on random ones, so the comparison is between equals.
/// </remarks>
public static class HandWrittenRules
{
    // Slots (the order of samples/facts.yaml).
    private const int Fine = 0, Confiscation = 1, Seized = 2, People = 6, Field = 7, Level = 8, Impact = 9, Party = 10;
    private const int Kinds = 12, Licence = 13, Coercion = 14, Discretion = 15, Matter = 16;
    private const int Hearing = 19, HearingRequired = 20, Statement = 21, Expert = 22, Crime = 23, Disrupted = 24;
    private const int Disagreement = 25, CrossRegion = 26, PublicInterest = 27, SocialImpact = 28, RightsImpact = 29;
    private const int Complex = 30, Serious = 31, Dispute = 32, Safety = 33, CatchAll = 36;

    // Value codes.
    private const int NaturalPerson = 0, IndividualBusiness = 1, LegalPerson = 2, Unincorporated = 3;
    private const int FoodSafety = 1, Drugs = 2, SpecialEquipment = 3, Township = 0, Major = 2, Mitigated = 2;
    private const int Refused = 1, RefusedChange = 3, RefusedRenewal = 5, Withdrawn = 6, Revoked = 7;
    private const int Seal = 0, Detain = 1, Demolish = 3, SubstituteAction = 5, Auction = 6;
    private const ulong Suspension = 1UL << 10, SuspensionRectify = 1UL << 11, Closure = 1UL << 12, Barring = 1UL << 13;
    private const ulong Downgrade = 1UL << 6, RevokeLicence = 1UL << 7, RevokeBusinessLicence = 1UL << 8, RevokeSchoolLicence = 1UL << 20;
    private const ulong StopBuilding = 1UL << 14, StopWork = 1UL << 15, RevokeQualification = 1UL << 16, RevokeCertificate = 1UL << 17;
    private const ulong ConfiscateProperty = 1UL << 4, DailyPenalty = 1UL << 22;

    private static readonly Dictionary<string, (string Id, ActionKind[] Actions, Func<FactVector, bool> Rule)[]> ByDepartment = new()
    {
        ["scjg"] =
        [
            ("SC-P-01", [ActionKind.Penalty], f => (f.Set[Kinds] & (Suspension | SuspensionRectify | Closure | Barring | Downgrade | RevokeLicence | RevokeBusinessLicence | RevokeSchoolLicence)) != 0),
            ("SC-P-02", [ActionKind.Penalty], f => Person(f) && (Over(f, Fine, 10000m) || Over(f, Confiscation, 10000m))),
            ("SC-P-03", [ActionKind.Penalty], f => Unit(f) && (Over(f, Fine, 100000m) || Over(f, Confiscation, 100000m))),
            ("SC-P-04", [ActionKind.Penalty], f => f.Code[Field] is FoodSafety or Drugs or SpecialEquipment && Unit(f) && AtLeast(f, Fine, 50000m)),
            ("SC-P-05", [ActionKind.Penalty], f => f.Code[Discretion] == Mitigated),
            ("SC-P-06", [ActionKind.Penalty], f => f.Flag[RightsImpact] && Yes(f, Hearing)),
            ("SC-G-01", [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion, ActionKind.Inspection], f => f.Flag[PublicInterest]),
            ("SC-G-02", [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion, ActionKind.Inspection], f => f.Flag[Safety] || f.Flag[SocialImpact] || f.Code[Impact] >= Major),
            ("SC-G-03", [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion], f => f.Flag[Complex]),
            ("SC-G-04", [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion, ActionKind.Inspection], f => f.Flag[CatchAll]),
            ("SC-L-01", [ActionKind.Licence], f => f.Code[Licence] is Refused or RefusedChange or RefusedRenewal or Revoked or Withdrawn),
            ("SC-C-01", [ActionKind.Coercion], f => f.Code[Coercion] is Seal or Detain && AtLeast(f, Seized, 50000m)),
        ],
        ["sthj"] =
        [
            // Inherited from the city baseline zb-sthj, with the county's stricter amounts.
            ("ZB-P-01", [ActionKind.Penalty], f => Person(f) && (AtLeast(f, Fine, 5000m) || AtLeast(f, Confiscation, 5000m))),
            ("ZB-P-02", [ActionKind.Penalty], f => Unit(f) && (AtLeast(f, Fine, 50000m) || AtLeast(f, Confiscation, 50000m))),
            ("ZB-G-01", [ActionKind.Penalty, ActionKind.Coercion], f => f.Flag[Safety]),
            ("ST-P-03", [ActionKind.Penalty], f => f.Present[Fine] && f.Amount[Fine] >= 200000m && f.Amount[Fine] <= 500000m),
            ("ST-P-04", [ActionKind.Penalty], f => (f.Set[Kinds] & (DailyPenalty | Suspension | SuspensionRectify | Closure | RevokeLicence)) != 0),
            ("ST-C-01", [ActionKind.Coercion], f => f.Code[Coercion] is Seal or Detain && Yes(f, Disrupted)),
            ("ST-L-01", [ActionKind.Licence], f => f.Code[Licence] is Refused or RefusedRenewal or Revoked or Withdrawn),
            ("ST-G-01", [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion], f => f.Flag[PublicInterest] || f.Flag[SocialImpact]),
            ("ST-G-02", [ActionKind.Penalty, ActionKind.Coercion], f => f.Flag[Complex] || Yes(f, Crime)),
        ],
        ["yjgl"] =
        [
            ("YJ-P-01", [ActionKind.Penalty], f => Person(f) && (AtLeast(f, Fine, 20000m) || AtLeast(f, Confiscation, 20000m))),
            ("YJ-P-02", [ActionKind.Penalty], f => Unit(f) && (AtLeast(f, Fine, 50000m) || AtLeast(f, Confiscation, 50000m))),
            ("YJ-P-03", [ActionKind.Penalty], f => (f.Set[Kinds] & (SuspensionRectify | Suspension | StopBuilding | StopWork)) != 0),
            ("YJ-P-04", [ActionKind.Penalty], f => (f.Set[Kinds] & (RevokeLicence | RevokeQualification | RevokeCertificate)) != 0),
            ("YJ-P-05", [ActionKind.Penalty], f => f.Flag[Serious]),
            ("YJ-P-06", [ActionKind.Penalty], f => f.Flag[RightsImpact] && (f.Flag[Dispute] || f.Flag[SocialImpact])),
            ("YJ-L-01", [ActionKind.Licence], f => f.Flag[PublicInterest] || f.Flag[RightsImpact]),
            ("YJ-L-02", [ActionKind.Licence], f => Yes(f, Hearing) || Yes(f, HearingRequired)),
            ("YJ-L-03", [ActionKind.Licence], f => f.Code[Licence] is Withdrawn or Revoked),
            ("YJ-C-01", [ActionKind.Coercion], f => f.Code[Coercion] == Auction && AtLeast(f, Seized, 100000m)),
            ("YJ-C-02", [ActionKind.Coercion], f => f.Code[Coercion] == Seal && Yes(f, Disrupted)),
        ],
        ["zhzf"] =
        [
            ("ZF-P-01", [ActionKind.Penalty], f => (Person(f) && Over(f, Fine, 5000m)) || (Unit(f) && Over(f, Fine, 50000m))),
            ("ZF-P-02", [ActionKind.Penalty], f => f.Code[Level] == Township && ((Person(f) && Over(f, Fine, 2000m)) || (Unit(f) && Over(f, Fine, 20000m)))),
            ("ZF-P-03", [ActionKind.Penalty], f => (f.Set[Kinds] & ConfiscateProperty) != 0),
            ("ZF-C-01", [ActionKind.Coercion], f => f.Code[Coercion] == Demolish),
            ("ZF-C-02", [ActionKind.Coercion], f => f.Code[Coercion] == SubstituteAction && AtLeast(f, People, 1m)),
            ("ZF-G-01", [ActionKind.Penalty, ActionKind.Coercion, ActionKind.Inspection], f => AtLeast(f, People, 30m) || f.Flag[SocialImpact] || f.Code[Impact] >= Major),
            ("ZF-G-02", [ActionKind.Penalty, ActionKind.Coercion], f => f.Flag[Complex]),
        ],
        ["jtys"] =
        [
            ("JT-P-01", [ActionKind.Penalty], _ => true),
            ("JT-L-01", [ActionKind.Licence], f => f.Code[Licence] is Refused or RefusedRenewal or Revoked),
            ("JT-L-02", [ActionKind.Licence], f => Yes(f, Statement) || Yes(f, Expert)),
            ("JT-C-01", [ActionKind.Coercion], f => f.Code[Coercion] == Detain && AtLeast(f, Seized, 100000m)),
            ("JT-G-01", [ActionKind.Licence, ActionKind.Coercion, ActionKind.Inspection], f => f.Flag[PublicInterest] || f.Flag[SocialImpact]),
        ],
        ["nync"] =
        [
            ("NY-P-01", [ActionKind.Penalty], f => (Person(f) && AtLeast(f, Fine, 10000m)) || (Unit(f) && AtLeast(f, Fine, 100000m))),
            ("NY-P-02", [ActionKind.Penalty], f => (Person(f) && AtLeast(f, Confiscation, 10000m)) || (Unit(f) && AtLeast(f, Confiscation, 100000m))),
            ("NY-P-03", [ActionKind.Penalty], f => ((f.Set[Kinds] & (RevokeLicence | RevokeBusinessLicence | RevokeSchoolLicence)) != 0 && Unit(f)) || (f.Set[Kinds] & Suspension) != 0),
            ("NY-P-04", [ActionKind.Penalty], f => f.Code[Matter] is 0 or 2 or 3),
            ("NY-P-05", [ActionKind.Penalty, ActionKind.Licence], f => f.Flag[RightsImpact] && Yes(f, Hearing)),
            ("NY-G-01", [.. ActionKinds.Seed], f => f.Flag[PublicInterest]),
            ("NY-G-02", [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion], f => f.Flag[Complex]),
            ("NY-G-03", [.. ActionKinds.Seed], f => f.Flag[CatchAll]),
            ("NY-G-04", [ActionKind.Penalty, ActionKind.Coercion, ActionKind.Inspection], f => Yes(f, Crime)),
            ("NY-I-01", [ActionKind.Inspection], f => Yes(f, CrossRegion) && Yes(f, Disagreement)),
        ],
    };

    /// <summary>Gets the hand-written rules of a department that apply to an action kind, in catalogue order.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="action">The action kind.</param>
    /// <returns>The rules.</returns>
    public static (string Id, Func<FactVector, bool> Rule)[] For(string department, ActionKind action) =>
        ByDepartment[department].Where(r => r.Actions.Contains(action)).Select(r => (r.Id, r.Rule)).ToArray();

    private static bool Person(FactVector f) => f.Code[Party] is NaturalPerson or IndividualBusiness;

    private static bool Unit(FactVector f) => f.Code[Party] is LegalPerson or Unincorporated;

    private static bool AtLeast(FactVector f, int slot, decimal threshold) => f.Present[slot] && f.Amount[slot] >= threshold;

    private static bool Over(FactVector f, int slot, decimal threshold) => f.Present[slot] && f.Amount[slot] > threshold;

    private static bool Yes(FactVector f, int slot) => f.Present[slot] && f.Flag[slot];
}
