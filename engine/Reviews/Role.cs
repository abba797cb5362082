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
        _ => "法制机构管理员",
    };

    /// <summary>Gets the machine name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>reviewer, counsel, head or admin.</returns>
    public static string ToWire(this Role role) => role.ToString().ToLowerInvariant();
}
