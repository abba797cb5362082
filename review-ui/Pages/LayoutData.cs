using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Pages;

/// <summary>What the layout shows around every page: who is signed in, and the navigation their roles open.</summary>
public static class LayoutData
{
    /// <summary>The view-data key of the signed-in caller.</summary>
    public const string CallerKey = "Fashen.Caller";

    /// <summary>The navigation for a caller: the queue, counsel's and heads' lists, catalogues and statistics.</summary>
    public static IReadOnlyList<(string Href, string Text)> Navigation(Caller caller)
    {
        var items = new List<(string, string)> { ("/", "审核队列") };
        if (caller.Has(Role.Counsel))
        {
            items.Add(("/counsel", "法律顾问意见"));
        }

        if (caller.Has(Role.Head))
        {
            items.Add(("/extensions", "延期审批"));
        }

        if (caller.Has(Role.Reviewer))
        {
            items.Add(("/publications", "决定公开"));
        }

        if (caller.Has(Role.Supervisor))
        {
            items.Add(("/supervision", "执法监督"));
        }

        items.Add(("/catalogues", "目录清单"));
        items.Add(("/statistics", "数据统计"));
        if (caller.Has(Role.Admin))
        {
            items.Add(("/admin", "系统管理"));
        }

        return items;
    }

    /// <summary>The caller's roles in Chinese: 法制审核人员、法律顾问.</summary>
    public static string Roles(Caller caller) => string.Join("、", caller.Roles.Order().Select(r => r.ToChinese()));
}
