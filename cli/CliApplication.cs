using System.CommandLine;
using System.Globalization;
using Fashen.Cli.Commands;
using Fashen.Store;

namespace Fashen.Cli;

/// <summary>Builds the <c>fashen</c> command line and runs it against the given writers, clock and
/// working folder, so tests run it in-process exactly as a user would.</summary>
internal static class CliApplication
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input has errors or tests fail.</summary>
    public const int Failure = 1;

    /// <summary>Exit code when the command line itself is wrong.</summary>
    public const int UsageError = 2;

    public static int Run(
        string[] args, TextWriter output, TextWriter error, TimeProvider clock, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        var context = new CliContext(output, error, clock, workingDirectory) { Environment = environment };
        var root = new RootCommand("法审（Fashen）：重大执法决定法制审核——目录清单的检查、测试与判定，审核服务与全过程记录。")
        {
            LintCommand.Create(context),
            TestCommand.Create(context),
            ClassifyCommand.Create(context),
            DiffCommand.Create(context),
            FmtCommand.Create(context),
            ImportCommand.Create(context),
            PublishCommand.Create(context),
            ServeCommand.Create(context),
            AuditCommand.Create(context),
            FiguresCommand.Create(context),
            KeyEncryptionCommand.Create(context),
            DatabaseCommand.Create(context),
        };
        foreach (var command in AccountsCommand.Create(context))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"命令行错误：{parseError.Message}");
            }

            error.WriteLine("运行 fashen --help 查看用法。");
            return UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DataFolderInUseException exception)
        {
            // Any command that opens a data folder while the service has it.
            error.WriteLine(exception.Message);
            return Failure;
        }
        catch (StoreSchemaException exception)
        {
            // A database that cannot be reached or is newer than this program.
            error.WriteLine(exception.Message);
            return Failure;
        }
        catch (SharedKeyEncryptionException exception)
        {
            // Shared keys that the configured key-encryption key does not open.
            error.WriteLine(exception.Message);
            return Failure;
        }
    }
}

/// <summary>What every command needs from its host.</summary>
/// <param name="Output">Where results go.</param>
/// <param name="Error">Where diagnostics and failures go.</param>
/// <param name="Clock">The clock, for defaults such as today's date.</param>
/// <param name="WorkingDirectory">The folder relative paths start from, and paths are shown relative to.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, TimeProvider Clock, string WorkingDirectory)
{
    /// <summary>Gets the environment variables to read configuration from instead of the process's (tests).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
