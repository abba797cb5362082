using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Catalogues;

/// <summary>Reloads the catalogues when their files change: the catalogue folder, and the schema and
/// calendar files they were read with. A change is read once the files have been quiet for a moment;
/// a reload with errors is refused and the previous catalogues keep serving. Every reload that changed
/// something, and every refusal, is written to the record.</summary>
public sealed class CatalogueWatcher(CatalogueProvider provider, ReviewService service, FashenOptions options, ILogger<CatalogueWatcher> logger)
    : BackgroundService
{
    private static readonly Caller System = new(Actor.System, new HashSet<Role> { Role.Admin }, [Caller.AllDepartments]);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _changed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WatchCatalogues)
        {
            return;
        }

        if (!Watch())
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await _changed.WaitAsync(stoppingToken);

            // Wait until the files stay quiet: an editor writes a file in steps, git many files at once.
            while (await _changed.WaitAsync(options.ReloadQuietPeriod, stoppingToken))
            {
            }

            Reload();
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _changed.Dispose();
        base.Dispose();
    }

    private void Reload()
    {
        try
        {
            var reload = provider.Reload();
            if (reload.Errors > 0)
            {
                logger.LogWarning("目录清单有 {Errors} 处错误，未重新载入，原有目录继续使用。", reload.Errors);
                service.RecordCatalogueLoad(System, reload.Errors);
            }
            else if (reload.Changed)
            {
                logger.LogInformation("目录清单已重新载入：{Catalogues}", string.Join("、", provider.Current.All.Select(c => $"{c.Catalogue.Id} {c.Catalogue.Version}")));
                service.RecordCatalogueLoad(System, 0);
            }

            // A file added or removed changes what is watched.
            Watch();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "读取目录清单文件时出错，原有目录继续使用。");
        }
    }

    // The catalogue folder with everything below it, and the folder of every other file read (schema, calendar).
    private bool Watch()
    {
        try
        {
            WatchFolders();
            return true;
        }
        catch (IOException exception)
        {
            // Typically the system's limit on file watchers; reloading on request still works.
            logger.LogWarning(exception, "无法监视目录清单文件夹，修改目录后请调用 POST /v1/catalogues/reload 重新载入。");
            return false;
        }
    }

    private void WatchFolders()
    {
        var catalogues = Path.GetFullPath(options.Catalogues);
        var folders = new HashSet<string>(StringComparer.Ordinal) { catalogues };
        foreach (var file in provider.Workspace?.Files ?? [])
        {
            if (!file.StartsWith(catalogues + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                folders.Add(Path.GetDirectoryName(file)!);
            }
        }

        if (folders.SetEquals(_watchers.Select(w => w.Path)))
        {
            return;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = folder == catalogues,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.FullPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || e.FullPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || Directory.Exists(e.FullPath))
        {
            _changed.Release();
        }
    }
}
