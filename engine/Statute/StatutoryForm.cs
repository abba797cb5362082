using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Statute;

/// <summary>A form the law requires of a decision (法定形式), such as the simple procedure's limits in 《行政处罚法》第五十一条:
/// a decision of the kinds and procedure named, of which <see cref="When"/> holds, must be such that <see cref="Require"/>
/// holds. It is checked before a decision is classified; a decision that breaks it is refused, never exempt or minor.</summary>
/// <param name="Id">The form's id, unique among the forms a catalogue stands on.</param>
/// <param name="Title">What the law requires, in its own words.</param>
/// <param name="Actions">The action kinds the form applies to.</param>
/// <param name="Procedure">The procedure it applies to, or null for any.</param>
/// <param name="When">Which decisions of those kinds it applies to, or null for all of them.</param>
/// <param name="Require">What those decisions must be; null when the law allows no such decision at all (简易程序 for a
/// licence).</param>
/// <param name="Basis">The articles that require it.</param>
/// <param name="Source">Who states it: the national baseline (全国法定基准 2021.1), or a department's catalogue.</param>
/// <param name="Span">Where it is written.</param>
/// <param name="DepartableByLaw">Whether a law may provide otherwise (法律另有规定的，从其规定), so that a department may
/// put another form in its place, naming that law.</param>
/// <param name="Departure">For a department's form that takes a national form's place: which, and under what law.</param>
public sealed record StatutoryForm(
    string Id,
    string Title,
    IReadOnlyList<ActionKind> Actions,
    Procedure? Procedure,
    Condition? When,
    Condition? Require,
    IReadOnlyList<string> Basis,
    string Source,
    SourceSpan Span,
    bool DepartableByLaw = false,
    FormDeparture? Departure = null)
{
    /// <summary>Tells whether the form applies to decisions of a kind under a procedure, before its condition is asked.</summary>
    /// <param name="action">The decision's kind.</param>
    /// <param name="procedure">The decision's procedure.</param>
    /// <returns>True when it may apply.</returns>
    public bool Covers(ActionKind action, Procedure procedure) => Actions.Contains(action) && (Procedure is not { } p || p == procedure);

    /// <summary>Gets what the form is held to, as an answer cites it: the law departed to when there is one, else the basis.</summary>
    public string Citation => Departure is { } departure ? $"{departure.Law}（法律另有规定，替代全国法定基准 {departure.Replaces}）" : string.Join("、", Basis);
}

/// <summary>A department's form taking a national form's place, because a law provides otherwise.</summary>
/// <param name="Replaces">The national form's id.</param>
/// <param name="Law">The law that provides otherwise, with its article: 《中华人民共和国治安管理处罚法》第一百一十九条.</param>
public sealed record FormDeparture(string Replaces, string Law);

/// <summary>The national baseline a catalogue stands on, as its answers name it.</summary>
/// <param name="Name">The baseline's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Revision">The content hash of its file.</param>
public sealed record StatuteReference(string Name, string Version, string Revision);
