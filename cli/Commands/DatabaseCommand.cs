using System.CommandLine;
using Fashen.Store;
using Fashen.Store.PostgreSql;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen database migrate [--grant-to ROLE]</c>: creates or upgrades the PostgreSQL schema as the role that
/// owns it (the migration role, named by Fashen__PostgreSql for this one command), and gives the service's role what it
/// needs and no more. The service then runs as that role and cannot alter the tables or switch off the record's triggers.</summary>
internal static class DatabaseCommand
{
    public static Command Create(CliContext context)
    {
        var grantTo = new Option<string?>("--grant-to") { Description = "服务所用的 PostgreSQL 角色：授予它运行所需的最小权限（记录表只能插入和读取）" };
        var migrate = new Command("migrate", "以拥有模式的迁移角色建立或升级 PostgreSQL 表结构（连接串由环境变量 Fashen__PostgreSql 给出），并给服务角色授权。")
        {
            grantTo,
        };
        migrate.SetAction(result => Migrate(context, result.GetValue(grantTo)));
        return new Command("database", "PostgreSQL 数据库（多实例部署）。") { migrate };
    }

    private static int Migrate(CliContext context, string? role)
    {
        var settings = DataStore.Settings(context, ".");
        if (settings.Kind != StoreKind.PostgreSql)
        {
            context.Error.WriteLine("此命令用于 PostgreSQL：请设置环境变量 Fashen__Store=PostgreSql 和迁移角色的连接串 Fashen__PostgreSql。");
            return CliApplication.UsageError;
        }

        using var store = (PostgreSqlStore)settings.Open();
        context.Output.WriteLine($"表结构已是最新：{store.Location}。");
        if (role is { Length: > 0 })
        {
            try
            {
                store.GrantServiceRole(role);
            }
            catch (Npgsql.PostgresException exception)
            {
                context.Error.WriteLine($"无法授权给角色 {role}：{exception.MessageText}（角色须先由数据库管理员建立：CREATE ROLE {role} LOGIN PASSWORD '…'）。");
                return CliApplication.Failure;
            }

            context.Output.WriteLine($"已授予角色 {role} 运行服务所需的权限：全过程记录和许可凭证只能插入和读取，不能修改、删除、清空，也不能改表或关触发器。");
        }

        return CliApplication.Success;
    }
}
