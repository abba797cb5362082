namespace Fashen.Engine.Reviews;

/// <summary>What a person may do in Fashen.</summary>
public enum Role
{
    /// <summary>法制审核人员: takes reviews, completes checklists, records outcomes.</summary>
    Reviewer,

    /// <summary>法律顾问: adds opinions.</summary>
    Counsel,

    /// <summary>负责人: approves or refuses extensions.</summary>
    Head,

    /// <summary>法制机构管理员: reloads catalogues, verifies the record, sees every department.</summary>
    Admin,

    /// <summary>执法人员: handles cases in a department (承办人); named in submissions, so that whoever handled a case can be
    /// known as the same person when they would review it. May sign in to follow the department's reviews.</summary>
    Handler,

    /// <summary>执法监督人员 (e.g. the county justice bureau): reads every department it is given — reviews, findings, publications,
    /// the signals of threshold evasion and catalogue coverage — and changes nothing; no command accepts this role.</summary>
    Supervisor,
}

/// <summary>Names of the roles.</summary>
public static class Roles
{
    /// <summary>Gets the Chinese name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this Role role) => role switch
    {
        Role.Reviewer => "法制审核人员",
        Role.Counsel => "法律顾问",
        Role.Head => "负责人",
        Role.Handler => "执法人员",
        Role.Supervisor => "执法监督人员",
        _ => "法制机构管理员",
    };

    /// <summary>Gets the machine name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>reviewer, counsel, head, admin, handler or supervisor.</returns>
    public static string ToWire(this Role role) => role.ToString().ToLowerInvariant();
}
