using System.Text;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Access;

/// <summary>Creates demo accounts and API keys on an empty store, with fresh random secrets that are
/// printed once and written to demo-credentials.txt in the data folder: nothing secret is in the code.</summary>
public static class DemoSetup
{
    public const string FileName = "demo-credentials.txt";

    private static readonly (string Username, string Name, Role[] Roles, string[] Departments, bool FirstTime, bool Qualified)[] People =
    [
        ("admin", "法制办管理员", [Role.Admin], ["*"], false, true),
        ("li.min", "李敏", [Role.Reviewer], ["scjg", "sthj"], false, true),
        ("zhao.lei", "赵磊", [Role.Reviewer], ["yjgl", "zhzf", "jtys", "nync"], false, true),
        ("xin.ran", "辛然", [Role.Reviewer], ["scjg"], true, false),
        ("zhou.lawyer", "周律师", [Role.Counsel], ["*"], false, true),
        ("sun.head", "孙局长", [Role.Head], ["scjg", "sthj"], false, true),
        ("qian.head", "钱局长", [Role.Head], ["yjgl", "zhzf", "jtys", "nync"], false, true),
        ("jiang.jd", "蒋监督", [Role.Supervisor], ["*"], false, true),

        // 承办人: the people case systems name in submissions (submittedBy, handledBy).
        ("wang.qiang", "王强", [Role.Handler], ["scjg"], false, false),
        ("liu.yang", "刘洋", [Role.Handler], ["scjg"], false, false),
    ];

    /// <summary>Creates the demo accounts and keys when the store has no account yet.</summary>
    /// <returns>The text that says how to use them, or null when accounts already existed.</returns>
    public static string? Run(IAccountStore accounts, IReadOnlyDictionary<string, string> departments, string dataFolder, string baseUrl)
    {
        if (accounts.Accounts().Count > 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.AppendLine("法审演示账号（仅用于演示；每次新建数据目录时随机生成，生产环境请用 fashen accounts add 和 fashen keys add 创建）");
        text.AppendLine();
        text.AppendLine("个人账号：POST " + baseUrl + "/v1/auth/token  {\"username\": …, \"password\": …}");
        foreach (var (username, name, roles, scope, firstTime, qualified) in People)
        {
            var password = Credentials.NewPassword();
            var account = new Account(username, username, name, string.Empty, roles, scope, firstTime, qualified, Disabled: false);
            accounts.SaveAccount(account with { PasswordHash = Credentials.HashPassword(account, password) });
            var note = firstTime && !qualified ? "，初次从事法制审核、未取得法律职业资格" : string.Empty;
            text.AppendLine($"  {username,-12} {password}  {name}（{string.Join("、", roles.Select(r => r.ToChinese()))}，部门：{string.Join("、", scope)}{note}）");
        }

        text.AppendLine();
        text.AppendLine("案件系统 API 密钥：请求头 X-Api-Key");
        foreach (var (id, name) in departments.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var (client, key) = Credentials.NewApiKey($"{name}案件系统", [id]);
            accounts.SaveApiClient(client);
            text.AppendLine($"  {id,-6} {key}");
        }

        var path = Path.Combine(dataFolder, FileName);
        File.WriteAllText(path, text.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return text.ToString();
    }
}
