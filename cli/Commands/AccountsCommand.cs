using System.CommandLine;
using Fashen.Api.Access;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen accounts add</c> and <c>fashen keys add</c>: create people's accounts and case
/// systems' API keys, with random secrets shown once.</summary>
internal static class AccountsCommand
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "数据文件夹（使用 PostgreSQL 时由环境变量 Fashen__Store、Fashen__PostgreSql 指定数据库）", DefaultValueFactory = _ => ".fashen-data" };
        var username = new Option<string>("--username") { Description = "登录名", Required = true };
        var name = new Option<string>("--name") { Description = "姓名（记录和文书中显示）", Required = true };
        var roles = new Option<string>("--roles") { Description = "角色，逗号分隔：reviewer、counsel、head、admin、handler（执法人员，报送中的承办人）", Required = true };
        var departments = new Option<string>("--departments") { Description = "部门编号，逗号分隔；* 为全部部门", Required = true };
        var firstTime = new Option<bool>("--first-time") { Description = "初次从事法制审核" };
        var qualified = new Option<bool>("--qualified") { Description = "已取得法律职业资格" };
        var add = new Command("add", "新建个人账号，显示随机生成的初始密码。") { data, username, name, roles, departments, firstTime, qualified };
        add.SetAction(result =>
        {
            var parsedRoles = new List<Role>();
            foreach (var text in Split(result.GetValue(roles)!))
            {
                if (!Enum.TryParse<Role>(text, ignoreCase: true, out var role))
                {
                    context.Error.WriteLine($"命令行错误：未知的角色“{text}”。可用：reviewer、counsel、head、admin、handler。");
                    return CliApplication.UsageError;
                }

                parsedRoles.Add(role);
            }

            // One person, one name: NFKC, and no character nobody sees (which would make a second account look like the first).
            if ((PersonNames.NormalizeUsername(result.GetValue(username)!, out var login) ?? PersonNames.NormalizeName(result.GetValue(name)!, out _)) is { } invalid)
            {
                context.Error.WriteLine($"命令行错误：{invalid}");
                return CliApplication.UsageError;
            }

            PersonNames.NormalizeName(result.GetValue(name)!, out var displayName);
            using var store = DataStore.Open(context, result.GetValue(data)!);
            if (store.FindAccount(login) is not null)
            {
                context.Error.WriteLine($"账号“{login}”已存在。");
                return CliApplication.Failure;
            }

            var password = Credentials.NewPassword();
            var account = new Account(login, login, displayName, string.Empty, parsedRoles, Split(result.GetValue(departments)!),
                result.GetValue(firstTime), result.GetValue(qualified), Disabled: false);
            store.SaveAccount(account with { PasswordHash = Credentials.HashPassword(account, password) });
            context.Output.WriteLine($"已新建账号 {login}，初始密码：{password}（只显示这一次）");
            return CliApplication.Success;
        });

        var keyName = new Option<string>("--name") { Description = "案件系统名称", Required = true };
        var keyDepartments = new Option<string>("--departments") { Description = "部门编号，逗号分隔", Required = true };
        var keyData = new Option<string>("--data") { Description = "数据文件夹（使用 PostgreSQL 时由环境变量 Fashen__Store、Fashen__PostgreSql 指定数据库）", DefaultValueFactory = _ => ".fashen-data" };
        var addKey = new Command("add", "为案件系统新建 API 密钥（只显示一次）。") { keyData, keyName, keyDepartments };
        addKey.SetAction(result =>
        {
            using var store = DataStore.Open(context, result.GetValue(keyData)!);
            var (client, key) = Credentials.NewApiKey(result.GetValue(keyName)!, Split(result.GetValue(keyDepartments)!));
            store.SaveApiClient(client);
            context.Output.WriteLine($"已为“{client.Name}”新建 API 密钥（请求头 X-Api-Key，只显示这一次）：{key}");
            return CliApplication.Success;
        });

        return [new Command("accounts", "个人账号。") { add }, new Command("keys", "案件系统的 API 密钥。") { addKey }];
    }

    private static List<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
