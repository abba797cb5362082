using System.CommandLine;
using Fashen.Api;
using Fashen.Api.Catalogues;
using Microsoft.AspNetCore.Builder;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen serve</c>: runs the review service on 127.0.0.1 with the sample catalogues and an embedded LiteDB file.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var catalogues = new Option<string>("--catalogues") { Description = "目录清单所在的文件夹", DefaultValueFactory = _ => "samples/catalogues" };
        var calendar = new Option<string?>("--calendar") { Description = "节假日安排文件；默认在目录清单文件夹及其上级查找 holidays.yaml" };
        var data = new Option<string>("--data") { Description = "数据文件夹：数据库、签名密钥、令牌密钥（使用 PostgreSQL 时数据库和密钥都在数据库中）", DefaultValueFactory = _ => ".fashen-data" };
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => DefaultUrl };
        var noDemo = new Option<bool>("--no-demo") { Description = "不创建演示账号和密钥" };
        var command = new Command("serve", "启动法制审核服务（HTTP API），默认使用示例目录清单和内嵌数据库。") { catalogues, calendar, data, urls, noDemo };
        command.SetAction(result =>
        {
            WebApplication app;
            try
            {
                app = FashenApplication.Build(["--urls", result.GetValue(urls)!], options =>
                {
                    options.Catalogues = context.Resolve(result.GetValue(catalogues)!);
                    options.Calendar = result.GetValue(calendar) is { } file ? context.Resolve(file) : null;
                    options.DataFolder = context.Resolve(result.GetValue(data)!);
                    options.Demo = !result.GetValue(noDemo);
                });
            }
            catch (CataloguesNotLoadedException exception)
            {
                context.Error.WriteLine(exception.Message);
                return CliApplication.Failure;
            }

            context.Output.WriteLine($"法审服务：{result.GetValue(urls)}（接口文档 {result.GetValue(urls)}/docs，OpenAPI {result.GetValue(urls)}/openapi/v1.json）");
            app.Run();
            return CliApplication.Success;
        });
        return command;
    }
}
