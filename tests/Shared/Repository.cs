namespace Fashen.Tests;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Fashen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Fashen.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Samples(params string[] parts) => Path(["samples", .. parts]);
}
