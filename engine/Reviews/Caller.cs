using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Who is asking, as far as the review workflow is concerned: the actor recorded, their roles,
/// the departments they may see, and, for reviewers, their qualification.</summary>
/// <param name="Actor">The actor recorded for what they do.</param>
/// <param name="Roles">The person's roles; empty for a case system.</param>
/// <param name="Departments">The departments they may read and act on; "*" means every department.</param>
/// <param name="FirstTimeReviewer">Whether the person is doing legal review for the first time (初次从事法制审核).</param>
/// <param name="LegalQualification">Whether the person holds the national legal-profession qualification (法律职业资格).</param>
public sealed record Caller(
    Actor Actor,
    IReadOnlySet<Role> Roles,
    IReadOnlyList<string> Departments,
    bool FirstTimeReviewer = false,
    bool LegalQualification = false)
{
    /// <summary>The department wildcard.</summary>
    public const string AllDepartments = "*";

    /// <summary>Gets a value indicating whether this is a case system.</summary>
    public bool IsCaseSystem => Actor.Kind == ActorKind.CaseSystem;

    /// <summary>Tells whether the caller may see and act on a department's reviews.</summary>
    /// <param name="department">The department id.</param>
    /// <returns>True when allowed.</returns>
    public bool CanAccess(string department) => Departments.Contains(AllDepartments) || Departments.Contains(department);

    /// <summary>Tells whether the caller has a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>True when they do.</returns>
    public bool Has(Role role) => Roles.Contains(role);
}
